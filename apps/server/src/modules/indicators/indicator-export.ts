import type { IndicatorFigures } from '@familiespor/contracts';
import type { IndicatorId } from '@familiespor/domain';
import ExcelJS from 'exceljs';
import { breakdownNameDa, indicatorNamesDa, valueNameDa } from './indicator-labels';

/**
 * The export of exactly the points getIndicator returns, with a Danish header row and the names
 * the dashboard shows (indicator, breakdown, value) rather than ids. CSV is what
 * Danish Excel opens with a double click: UTF-8 with a byte-order mark (or æøå break),
 * semicolon-separated, decimal comma. A share is written as the fraction (0,8), as the API has it.
 */
export const exportHeader = [
  'Indikator',
  'Periode',
  'Opdeling',
  'Værdi',
  'Tæller',
  'Nævner',
  'Resultat',
] as const;

type Row = [string, string, string, string, number, number | null, number | null];

function rowsOf(f: IndicatorFigures): Row[] {
  const name = indicatorNamesDa[f.indicator as IndicatorId] ?? f.indicator;
  return f.points.map((p) => [
    name,
    p.bucket,
    breakdownNameDa(f.breakdown),
    valueNameDa(f, p),
    p.numerator,
    p.denominator,
    p.result,
  ]);
}

const csvNumber = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));
const csvText = (s: string) => (/[";\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export function indicatorCsv(f: IndicatorFigures): Buffer {
  const lines = [exportHeader.join(';')];
  for (const [indicator, bucket, breakdown, value, numerator, denominator, result] of rowsOf(f)) {
    lines.push(
      [
        csvText(indicator),
        csvText(bucket),
        csvText(breakdown),
        csvText(value),
        csvNumber(numerator),
        csvNumber(denominator),
        csvNumber(result),
      ].join(';'),
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function indicatorXlsx(f: IndicatorFigures): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Familiespor';
  const sheet = book.addWorksheet(f.indicator.slice(0, 31));
  sheet.addRow([...exportHeader]).font = { bold: true };
  for (const row of rowsOf(f)) sheet.addRow(row);
  if (f.unit === 'share') sheet.getColumn(7).numFmt = '0.0%';
  sheet.columns.forEach((c) => {
    c.width = 16;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const exportFileName = (f: IndicatorFigures, format: 'csv' | 'xlsx') =>
  `familiespor-${f.indicator}-${f.from}-${f.to}.${format}`;
