// 审核结果: findings by severity and table; a click jumps to the cell; warnings take a 审核说明.
import { useState, type ReactElement } from 'react';
import { UI_TEXT } from '../../../shared/strings';
import { SEVERITY_LABELS } from '../../../shared/validation/messages';
import type { Finding, ValidationSummary } from '../../../shared/validation/types';

interface FindingsPanelProps {
  findings: Finding[];
  summary: ValidationSummary;
  onJump(finding: Finding): void;
  onExplain(finding: Finding, text: string | null): void;
}

function Explanation({ finding, onExplain }: { finding: Finding; onExplain: FindingsPanelProps['onExplain'] }): ReactElement {
  const [text, setText] = useState(finding.explanation ?? '');
  return (
    <div className="explanation">
      <textarea aria-label={UI_TEXT.explanation} placeholder={UI_TEXT.explanationPlaceholder} value={text} onChange={(e) => setText(e.target.value)} rows={2} />
      <button type="button" onClick={() => onExplain(finding, text.trim() ? text : null)} disabled={text === (finding.explanation ?? '')}>
        {UI_TEXT.saveExplanation}
      </button>
    </div>
  );
}

export function FindingsPanel({ findings, summary, onJump, onExplain }: FindingsPanelProps): ReactElement {
  const [open, setOpen] = useState<string | undefined>();
  return (
    <aside className="findings" role="region" aria-label={UI_TEXT.findings}>
      <h2>
        {UI_TEXT.findings}
        <span className="counts">
          <span className="count error">{UI_TEXT.errors(summary.errors)}</span>
          <span className="count warning">{UI_TEXT.warnings(summary.warnings)}</span>
          <span className="count info">{UI_TEXT.infos(summary.infos)}</span>
        </span>
      </h2>
      {findings.length === 0 ? (
        <p className="empty">{UI_TEXT.noFindings}</p>
      ) : (
        <ol>
          {findings.map((finding) => (
            <li key={finding.key} className={`finding ${finding.severity}`}>
              <button type="button" className="jump" onClick={() => onJump(finding)}>
                <span className="severity">{SEVERITY_LABELS[finding.severity]}{finding.roundingTail ? UI_TEXT.tail : ''}</span>
                <span className="message">{finding.message}</span>
              </button>
              {finding.severity === 'warning' && (
                <>
                  {finding.explanation && open !== finding.key && <p className="explained">{UI_TEXT.explained}{finding.explanation}</p>}
                  {open === finding.key ? (
                    <Explanation finding={finding} onExplain={(f, text) => { onExplain(f, text); setOpen(undefined); }} />
                  ) : (
                    <button type="button" className="link" onClick={() => setOpen(finding.key)}>{finding.explanation ? UI_TEXT.editExplanation : UI_TEXT.addExplanation}</button>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
