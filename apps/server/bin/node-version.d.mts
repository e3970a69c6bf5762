export declare const MINIMUM: readonly number[];
export declare function nodeVersionProblem(version: string): string | null;
