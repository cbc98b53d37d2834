import { useFormat } from '../i18n/use-format.hook';

/**
 * Names joined in the reader's language ("Amira Hansen og Mikkel Hansen"). Each name is
 * isolated with <bdi>, so Danish names keep their order inside Arabic text.
 */
export function NameList({ names }: { names: readonly string[] }) {
  const fmt = useFormat();
  return (
    <>
      {fmt.listParts(names).map((part, i) =>
        part.type === 'element' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts have no identity but their place
          <bdi key={i}>{part.value}</bdi>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts have no identity but their place
          <span key={i}>{part.value}</span>
        ),
      )}
    </>
  );
}
