/** Conditions side by side: observed and predicted columns, differing rows marked. */
import type { ReactElement } from 'react';
import type { Condition } from '@gatescope/core';
import { conditionHealth } from '@gatescope/core';
import type { ConditionSection } from './conditions.ts';

function Cell({ condition }: { readonly condition: Condition | undefined }): ReactElement {
  if (condition === undefined) return <td className="muted">—</td>;
  return (
    <td title={condition.message}>
      <span className={`cond-status health-${conditionHealth(condition)}`}>{condition.status}</span>{' '}
      <span className="cond-reason">{condition.reason}</span>
      {condition.message !== '' && <div className="cond-message">{condition.message}</div>}
    </td>
  );
}

export function ConditionsTable({ section }: { readonly section: ConditionSection }): ReactElement {
  const showObserved = section.hasObserved;
  return (
    <div className="conditions">
      <div className="conditions-title">{section.title}</div>
      <table>
        <thead>
          <tr>
            <th>Type</th>
            {showObserved && <th>Observed</th>}
            <th>Predicted</th>
          </tr>
        </thead>
        <tbody>
          {section.rows.map((row) => (
            <tr
              key={row.type}
              className={row.differs ? 'differs' : undefined}
              data-differs={row.differs || undefined}
            >
              <th scope="row">{row.type}</th>
              {showObserved && <Cell condition={row.observed} />}
              <Cell condition={row.predicted} />
            </tr>
          ))}
        </tbody>
      </table>
      {!showObserved && (
        <p className="muted small">No status from a controller in the input: predicted only.</p>
      )}
      {section.rows.some((r) => r.differs) && (
        <p className="small warn-text">
          The controller's status differs from the spec prediction (highlighted).
        </p>
      )}
    </div>
  );
}
