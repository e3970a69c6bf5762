/**
 * The generic graph builder: runs every row of the relation table, turns edge ends into nodes
 * (object nodes get their health from predicted conditions and diagnostics; missing objects
 * become ghosts) and returns a sorted, deterministic Topology. It knows no kind.
 */
import type { Analysis, PredictedStatus } from '../analysis/types.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { nodeIdOf, parseKey } from '../model/identity.ts';
import type { ObjectKey } from '../model/identity.ts';
import type { Condition } from '../model/types.ts';
import { absentTargets, unlessOnlyAbsent } from './absent.ts';
import { conditionsHealth, diagnosticsHealth, worse } from './health.ts';
import { objectSeed } from './nodes.ts';
import type { NodeSeed } from './nodes.ts';
import { RELATIONS, STANDALONE_KINDS } from './relations.ts';
import type { Endpoint, RelationContext, RelationEdge } from './relations.ts';
import type { Health, TopoEdge, TopoNode, Topology } from './types.ts';

export function diagnosticNodeId(d: Diagnostic): string {
  return `${d.object.kind}/${d.object.namespace}/${d.object.name}`;
}

function groupDiagnostics(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byId = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const id = diagnosticNodeId(d);
    const list = byId.get(id);
    if (list === undefined) byId.set(id, [d]);
    else list.push(d);
  }
  return byId;
}

function predictedConditions(status: PredictedStatus | undefined): readonly Condition[] {
  if (status === undefined) return [];
  if (status.kind === 'Route') return status.parents.flatMap((p) => p.conditions);
  return status.conditions;
}

/** A missing object breaks things, except a GatewayClass: nobody reconciles its Gateway (Pending). */
function defaultGhostHealth(kind: string): Health {
  return kind === 'GatewayClass' ? 'unknown' : 'error';
}

class GraphBuilder {
  readonly nodes = new Map<string, TopoNode>();
  readonly edges = new Map<string, TopoEdge>();

  /** Node id of each object key seen, so repeated ends skip building a whole seed. */
  private readonly idsByKey = new Map<ObjectKey, string>();

  constructor(private readonly context: RelationContext) {}

  private objectId(key: ObjectKey): string {
    let id = this.idsByKey.get(key);
    if (id === undefined) {
      const ref = this.context.analysis.snapshot.byKey.get(key)?.ref ?? parseKey(key);
      id = nodeIdOf(ref);
      this.idsByKey.set(key, id);
    }
    return id;
  }

  objectNode(key: ObjectKey, column?: number, ghostHealth?: Health): TopoNode {
    const known = this.nodes.get(this.objectId(key));
    if (known !== undefined) {
      // A ghost referenced by several edges takes the worst health any of them gives it.
      if (known.ghost !== true) return known;
      const health = worse(known.health, ghostHealth ?? this.ghostHealthOf(key, known.kind));
      if (health === known.health) return known;
      const node = { ...known, health };
      this.nodes.set(node.id, node);
      return node;
    }
    const object = this.context.analysis.snapshot.byKey.get(key);
    const seed = objectSeed(key, object);
    const diagnostics = this.context.diagnosticsById.get(seed.id) ?? [];
    let health: Health;
    let notInInput = false;
    if (object === undefined) {
      // Not in the input: the relation's verdict when it says the reference is not checked (an
      // implementation-specific backend, a mesh parent), else what its absence gives (topology/
      // absent.ts), else the default.
      health = ghostHealth ?? this.ghostHealthOf(key, seed.kind);
      notInInput = ghostHealth !== undefined || this.context.absent.has(key);
    } else {
      const conditions = predictedConditions(this.context.analysis.predicted.get(key));
      health = worse(
        unlessOnlyAbsent(conditionsHealth(conditions), diagnostics),
        diagnosticsHealth(diagnostics),
      );
    }
    const placed = column === undefined ? seed : { ...seed, column };
    const node = this.toNode(placed, health, object === undefined ? { notInInput } : undefined);
    this.nodes.set(node.id, node);
    return node;
  }

  partNode(seed: NodeSeed): TopoNode {
    const existing = this.nodes.get(seed.id);
    if (existing !== undefined) return existing;
    const diagnostics = this.context.diagnosticsById.get(seed.id) ?? [];
    const node = this.toNode(seed, worse(seed.health ?? 'ok', diagnosticsHealth(diagnostics)), undefined);
    this.nodes.set(node.id, node);
    return node;
  }

  private ghostHealthOf(key: ObjectKey, kind: string): Health {
    return this.context.absent.get(key) ?? defaultGhostHealth(kind);
  }

  /** `ghost`: set for an object that is not in the input. */
  private toNode(seed: NodeSeed, health: Health, ghost: { notInInput: boolean } | undefined): TopoNode {
    const { health: _seedHealth, ...rest } = seed;
    if (ghost === undefined) return { ...rest, health };
    return ghost.notInInput
      ? { ...rest, health, ghost: true, notInInput: true }
      : { ...rest, health, ghost: true };
  }

  /** Key and part ends create their node now; id ends are looked up after every relation ran. */
  materialize(end: Endpoint): void {
    if ('key' in end) this.objectNode(end.key, end.column, end.ghostHealth);
    else if ('part' in end) this.partNode(end.part);
  }

  endId(end: Endpoint): string | undefined {
    if ('part' in end) return end.part.id;
    if ('key' in end) return this.objectId(end.key);
    return this.nodes.has(end.id) ? end.id : undefined;
  }

  addEdge(edge: RelationEdge): void {
    const source = this.endId(edge.source);
    const target = this.endId(edge.target);
    if (source === undefined || target === undefined) return;
    const ghost = this.nodes.get(source)?.ghost === true ? this.nodes.get(source) : this.nodes.get(target);
    const ghostHealth: Health = ghost?.ghost === true ? ghost.health : 'ok';
    const health = worse(edge.health ?? 'ok', ghostHealth);
    const base = `${edge.kind}:${source}->${target}`;
    let id = base;
    for (let n = 2; this.edges.has(id); n++) id = `${base}#${n}`;
    const result: TopoEdge = { id, source, target, kind: edge.kind, health };
    this.edges.set(id, {
      ...result,
      ...(edge.label === undefined ? {} : { label: edge.label }),
      ...(edge.grant === undefined ? {} : { grant: edge.grant }),
    });
  }
}

function compareNodes(a: TopoNode, b: TopoNode): number {
  return a.column - b.column || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function buildTopology(analysis: Analysis): Topology {
  const context: RelationContext = {
    analysis,
    diagnosticsById: groupDiagnostics(analysis.diagnostics),
    absent: absentTargets(analysis.diagnostics, (key) => analysis.snapshot.byKey.has(key as ObjectKey)),
  };
  const builder = new GraphBuilder(context);
  const derived: RelationEdge[] = [];
  for (const relation of RELATIONS) {
    for (const edge of relation.derive(context)) {
      builder.materialize(edge.source);
      builder.materialize(edge.target);
      derived.push(edge);
    }
  }
  // After the relations, so that a relation's placement (a policy in its target's column) wins.
  for (const object of analysis.snapshot.objects) {
    if (STANDALONE_KINDS.has(object.kind)) builder.objectNode(object.key);
  }
  for (const edge of derived) builder.addEdge(edge);
  return {
    nodes: [...builder.nodes.values()].sort(compareNodes),
    edges: [...builder.edges.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}
