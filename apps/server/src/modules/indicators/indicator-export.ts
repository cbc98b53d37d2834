import type { IndicatorFigures } from '@familiespor/contracts';
import ExcelJS from 'exceljs';

/**
 * The export of exactly the points getIndicator returns, with a Danish header row. CSV is what
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
  const breakdown = f.breakdown === 'total' ? 'I alt' : f.breakdown;
  return f.points.map((p) => [
    f.indicator,
    p.bucket,
    breakdown,
    p.value ?? 'I alt',
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
