import { useTranslation } from 'react-i18next';
import { RadioGroup } from '../../components/forms/fields.component';
import type { Answers } from './answers';

const epdsItems = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
const epdsOptions = ['0', '1', '2', '3'] as const;
type Option = (typeof epdsOptions)[number];

export const epdsItemId = (prefix: string, index: number) => `${prefix}-item-${index + 1}`;

/**
 * The ten EPDS items with their four answers each, in the order of the printed scale (the
 * answer sent is the option's place, top = 0; the server scores it). The scale's authors are
 * credited wherever the items are shown (DESIGN §5). The item texts come from the `epds`
 * bundle (see lazy-texts.ts for the note on checking them against the licensed wording).
 */
export function EpdsItems({
  idPrefix,
  answers,
  onChange,
  errors,
}: {
  idPrefix: string;
  answers: Answers;
  onChange: (index: number, value: number) => void;
  errors: ReadonlySet<number>;
}) {
  const { t } = useTranslation();
  return (
    <div className="fs-instrument">
      <p className="form-hint">{t('epds.instructions')}</p>
      {epdsItems.map((n, index) => {
        const value = answers[index];
        return (
          <RadioGroup<Option>
            key={n}
            id={epdsItemId(idPrefix, index)}
            legend={t('epds.itemLegend', { number: n, text: t(`epds.items.${n}.text`) })}
            legendClassName="form-label fs-item-legend"
            error={errors.has(index) ? t('epds.missingAnswer') : undefined}
            value={value === null || value === undefined ? undefined : (String(value) as Option)}
            onChange={(v) => onChange(index, Number(v))}
            options={epdsOptions.map((o) => ({ value: o, label: t(`epds.items.${n}.options.${o}`) }))}
          />
        );
      })}
      <p className="fs-muted fs-credit">{t('epds.credit')}</p>
    </div>
  );
}
