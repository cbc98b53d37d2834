import type { CounsellingGoal } from '@familiespor/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format.hook';

const width = 320;
const height = 140;
const pad = { left: 28, right: 12, top: 10, bottom: 24 };
const plotW = width - pad.left - pad.right;
const plotH = height - pad.top - pad.bottom;
const y = (score: number) => pad.top + plotH - (score / 10) * plotH;

/**
 * One goal's scores on the 0–10 scale over time: a small line chart for the eye, named in full for
 * a screen reader, and the same scores as a table for anyone who wants the numbers. Time runs left
 * to right in every language, as it does on a calendar.
 */
export function GoalChart({ goal }: { goal: CounsellingGoal }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const scores = goal.scores;
  if (scores.length === 0) return <p className="fs-muted">{t('counselling.goals.notScored')}</p>;
  const days = scores.map((s) => Date.parse(s.scoredOn));
  const first = Math.min(...days);
  const span = Math.max(...days) - first;
  // One point, or all on one day: spread them evenly instead of stacking them.
  const x = (i: number) =>
    pad.left +
    (span === 0
      ? scores.length === 1
        ? plotW / 2
        : (i * plotW) / (scores.length - 1)
      : (((days[i] as number) - first) / span) * plotW);
  const points = scores.map((s, i) => `${x(i)},${y(s.score)}`).join(' ');
  const label = t('counselling.goals.chartLabel', {
    goal: goal.title,
    points: fmt.list(
      scores.map((s) => t('counselling.goals.chartPoint', { score: s.score, date: fmt.date(s.scoredOn) })),
    ),
  });
  const id = `goal-${goal.id.slice(0, 8)}`;
  return (
    <figure className="fs-goal-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: `${width * 1.5}px` }}
        role="img"
        aria-labelledby={`${id}-label`}
      >
        <title id={`${id}-label`}>{label}</title>
        {[0, 5, 10].map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} stroke="#d0d0d0" strokeWidth={1} />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#454545">
              {fmt.number(v)}
            </text>
          </g>
        ))}
        <text x={pad.left} y={height - 6} fontSize={11} fill="#454545">
          {fmt.date(scores[0]?.scoredOn as string)}
        </text>
        {scores.length > 1 ? (
          <text x={width - pad.right} y={height - 6} fontSize={11} fill="#454545" textAnchor="end">
            {fmt.date(scores[scores.length - 1]?.scoredOn as string)}
          </text>
        ) : null}
        <polyline points={points} fill="none" stroke="#0059b3" strokeWidth={2.5} />
        {scores.map((s, i) => (
          <circle key={s.id} cx={x(i)} cy={y(s.score)} r={4} fill="#0059b3" />
        ))}
      </svg>
      <details>
        <summary>{t('counselling.goals.showTable')}</summary>
        <table className="table table--compact">
          <caption className="sr-only">{t('counselling.goals.tableCaption', { goal: goal.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('counselling.goals.date')}</th>
              <th scope="col">{t('counselling.goals.score')}</th>
              <th scope="col">{t('counselling.goals.note')}</th>
              <th scope="col">{t('counselling.goals.by')}</th>
            </tr>
          </thead>
          <tbody>
            {scores.map((s) => (
              <tr key={s.id}>
                <td>{fmt.date(s.scoredOn)}</td>
                <td>{fmt.number(s.score)}</td>
                <td>{s.note ?? ''}</td>
                <td>{s.by.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
