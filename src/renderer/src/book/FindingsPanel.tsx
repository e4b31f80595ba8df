// 审核结果: problems grouped by cause (src/shared/validation/causes.ts), each shown once with its consequences folded
// under it; every cell a finding names is a link; a selected problem offers its quick fixes; warnings take one
// 审核说明 for the whole group and then move to 已说明. The panel collapses and resizes.
import { useState, type ReactElement } from 'react';
import type { QuickFixPreview } from '../../../shared/api/contract';
import type { CellAddress } from '../../../shared/cell';
import { UI_TEXT } from '../../../shared/strings';
import type { CauseGroup } from '../../../shared/validation/causes';
import { SEVERITY_LABELS } from '../../../shared/validation/messages';
import type { Finding, Location, ValidationSummary } from '../../../shared/validation/types';

export interface PanelFixes {
  groupKey: string;
  /** undefined while loading */
  list?: QuickFixPreview[];
}

interface FindingsPanelProps {
  groups: CauseGroup[];
  infos: Finding[];
  summary: ValidationSummary;
  selectedKey?: string;
  fixes?: PanelFixes;
  describe(address: CellAddress): string;
  onSelect(group: CauseGroup): void;
  onLocation(location: Location): void;
  onFix(fix: QuickFixPreview): void;
  onExplain(findings: Finding[], text: string | null): void;
  onNext(): void;
  onPrevious(): void;
  collapsed: boolean;
  onCollapse(collapsed: boolean): void;
  width: number;
  onResize(width: number): void;
}

const MIN_WIDTH = 240;
const MAX_WIDTH = 640;
const clampWidth = (width: number): number => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width)));

function Explanation({ group, onExplain }: { group: CauseGroup; onExplain: FindingsPanelProps['onExplain'] }): ReactElement {
  const warnings = [group.primary, ...group.consequences].filter((f) => f.severity === 'warning');
  const [text, setText] = useState(warnings[0]?.explanation ?? '');
  return (
    <div className="explanation">
      <textarea aria-label={UI_TEXT.explanation} placeholder={UI_TEXT.explanationPlaceholder} value={text} onChange={(e) => setText(e.target.value)} rows={2} />
      <button type="button" onClick={() => onExplain(warnings, text.trim() ? text : null)} disabled={text === (warnings[0]?.explanation ?? '')}>
        {UI_TEXT.saveExplanation}
      </button>
    </div>
  );
}

/** The cells a finding names, once each, as links. */
function LocationLinks({ finding, describe, onLocation }: { finding: Finding; describe: FindingsPanelProps['describe']; onLocation: FindingsPanelProps['onLocation'] }): ReactElement | null {
  const seen = new Set<string>();
  const links = finding.locations.filter((l) => {
    const id = `${l.tableId}|${l.side ?? 'main'}|${l.rowKey}|${l.columnId ?? ''}`;
    if (seen.has(id) || seen.size >= 6) return false;
    seen.add(id);
    return true;
  });
  if (links.length < 2) return null;
  return (
    <div className="locations">
      {links.map((l) => (
        <button key={`${l.tableId}|${l.side ?? 'main'}|${l.rowKey}|${l.columnId ?? ''}`} type="button" className="link" onClick={() => onLocation(l)}>
          {describe({ tableId: l.tableId, side: l.side ?? 'main', rowKey: l.rowKey, columnId: l.columnId ?? '' })}
        </button>
      ))}
    </div>
  );
}

function GroupItem(props: FindingsPanelProps & { group: CauseGroup }): ReactElement {
  const { group, selectedKey, fixes, describe, onSelect, onFix, onExplain, onLocation } = props;
  const [editing, setEditing] = useState(false);
  const selected = group.key === selectedKey;
  const hasWarnings = group.severity === 'warning';
  const explanation = group.primary.explanation;
  return (
    <li className={`finding ${group.severity}${selected ? ' selected' : ''}`} data-group={group.key}>
      <button type="button" className="jump" aria-current={selected ? 'true' : undefined} onClick={() => onSelect(group)}>
        <span className="severity">
          {SEVERITY_LABELS[group.severity]}
          {group.primary.roundingTail ? UI_TEXT.tail : ''}
        </span>
        {group.editedCell && <span className="cause">{UI_TEXT.causedByEdit(describe(group.editedCell), group.consequences.length + 1)}</span>}
        <span className="message">{group.primary.message}</span>
        {group.primary.narrative && <q className="quote">{UI_TEXT.narrativeQuote(group.primary.narrative.paragraph + 1, group.primary.narrative.quote)}</q>}
      </button>
      <LocationLinks finding={group.primary} describe={describe} onLocation={onLocation} />
      {group.consequences.length > 0 && (
        <details>
          <summary>{UI_TEXT.moreConsequences(group.consequences.length)}</summary>
          <ol className="consequences">
            {group.consequences.map((finding) => (
              <li key={finding.key} className={finding.severity}>
                <span className="severity">{SEVERITY_LABELS[finding.severity]}</span> {finding.message}
                <LocationLinks finding={finding} describe={describe} onLocation={onLocation} />
              </li>
            ))}
          </ol>
        </details>
      )}
      {selected && fixes?.groupKey === group.key && (
        <div className="fixes">
          {fixes.list === undefined ? (
            <span className="hint">{UI_TEXT.fixesLoading}</span>
          ) : fixes.list.length === 0 ? (
            group.severity === 'error' ? <span className="hint">{UI_TEXT.noFixes}</span> : null
          ) : (
            fixes.list.map((fix) => (
              <button key={fix.id} type="button" className="fix" onClick={() => onFix(fix)}>
                {fix.label}
              </button>
            ))
          )}
        </div>
      )}
      {hasWarnings && (
        <>
          {explanation && !editing && (
            <p className="explained">
              {UI_TEXT.explained}
              {explanation}
            </p>
          )}
          {editing ? (
            <Explanation
              group={group}
              onExplain={(findings, text) => {
                onExplain(findings, text);
                setEditing(false);
              }}
            />
          ) : (
            <button type="button" className="link" onClick={() => setEditing(true)}>
              {explanation ? UI_TEXT.editExplanation : UI_TEXT.addExplanation}
            </button>
          )}
        </>
      )}
    </li>
  );
}

export function FindingsPanel(props: FindingsPanelProps): ReactElement {
  const { groups, infos, summary, collapsed, onCollapse, width, onResize, onNext, onPrevious } = props;
  const open = groups.filter((g) => !g.explained);
  const explained = groups.filter((g) => g.explained);
  if (collapsed) {
    return (
      <aside className="findings collapsed" role="region" aria-label={UI_TEXT.findings}>
        <button type="button" onClick={() => onCollapse(false)} aria-label={UI_TEXT.expandPanel} title={UI_TEXT.expandPanel}>
          «
        </button>
        <span className="count error">{summary.errors}</span>
        <span className="count warning">{summary.warnings}</span>
      </aside>
    );
  }
  const startResize = (event: React.PointerEvent<HTMLDivElement>): void => {
    const startX = event.clientX;
    const startWidth = width;
    const move = (e: PointerEvent): void => onResize(clampWidth(startWidth + (startX - e.clientX)));
    const up = (): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return (
    <aside className="findings" role="region" aria-label={UI_TEXT.findings} style={{ width }}>
      <div
        className="resize-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={UI_TEXT.resizePanel}
        aria-valuenow={width}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        tabIndex={0}
        onPointerDown={startResize}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft') onResize(clampWidth(width + 20));
          if (e.key === 'ArrowRight') onResize(clampWidth(width - 20));
        }}
      />
      <h2>
        {UI_TEXT.findings}
        <span className="counts">
          <span className="count error">{UI_TEXT.errors(summary.errors)}</span>
          <span className="count warning">{UI_TEXT.warnings(summary.warnings)}</span>
          <span className="count info">{UI_TEXT.infos(summary.infos)}</span>
        </span>
      </h2>
      <div className="panel-tools">
        <button type="button" onClick={onPrevious} title="Shift+F8" disabled={open.length === 0}>
          ▲ {UI_TEXT.previousProblem}
        </button>
        <button type="button" onClick={onNext} title="F8" disabled={open.length === 0}>
          ▼ {UI_TEXT.nextProblem}
        </button>
        <button type="button" className="collapse" onClick={() => onCollapse(true)} aria-label={UI_TEXT.collapsePanel} title={UI_TEXT.collapsePanel}>
          »
        </button>
      </div>
      {open.length === 0 && <p className="empty">{UI_TEXT.noFindings}</p>}
      {open.length > 0 && (
        <ol aria-label={UI_TEXT.problems}>
          {open.map((group) => (
            <GroupItem key={group.key} {...props} group={group} />
          ))}
        </ol>
      )}
      {explained.length > 0 && (
        <details className="explained-section">
          <summary>{UI_TEXT.explainedSection(explained.length)}</summary>
          <ol>
            {explained.map((group) => (
              <GroupItem key={group.key} {...props} group={group} />
            ))}
          </ol>
        </details>
      )}
      {infos.length > 0 && (
        <details className="info-section">
          <summary>{UI_TEXT.infoSection(infos.length)}</summary>
          <ol>
            {infos.map((finding) => (
              <li key={finding.key} className="finding info">
                <span className="message">{finding.message}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </aside>
  );
}
