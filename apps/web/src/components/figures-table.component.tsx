import type { ReactNode } from 'react';
import './figures-table.css';

/**
 * A figure hidden by small-cell suppression: "<5" on screen, and words for a screen reader, which
 * would otherwise read "less than five" without saying that it may also be a hidden larger number.
 */
export function HiddenFigure({ label }: { label: string }) {
  return (
    <span className="fs-hidden-count">
      <span aria-hidden="true">{'<5'}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

export type FiguresRow = { key: string; heading: ReactNode; cells: readonly ReactNode[] };

/**
 * A table of counts where small figures are hidden: one heading per row, the figures, and a
 * totals row at the foot. Used by the municipal benchmark and the open-counselling statistics.
 * It may be wider than the screen, so it scrolls sideways and takes focus for the keyboard.
 */
export function FiguresTable({
  id,
  caption,
  columns,
  rows,
  total,
  compact = false,
}: {
  id: string;
  caption: ReactNode;
  /** The column headings, the row headings' own first. */
  columns: readonly { key: string; label: ReactNode }[];
  rows: readonly FiguresRow[];
  total?: FiguresRow | undefined;
  /** Many columns (months): tighter rows, no stripes. */
  compact?: boolean;
}) {
  const captionId = `${id}-caption`;
  const row = (r: FiguresRow) => (
    <tr key={r.key}>
      <th scope="row">{r.heading}</th>
      {r.cells.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the columns have no identity but their place
        <td key={i}>{c}</td>
      ))}
    </tr>
  );
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1)
    <section className="fs-table-wrapper" aria-labelledby={captionId} tabIndex={0}>
      <table className={`table ${compact ? 'table--compact' : 'table--zebra'} fs-figures-table`}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map(row)}</tbody>
        {total ? <tfoot>{row(total)}</tfoot> : null}
      </table>
    </section>
  );
}
