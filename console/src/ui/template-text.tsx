/** Template text with each variable (`${1}`) marked, so a reader sees at once what the sender fills in. */
export function TemplateText(props: { body: string; variables?: readonly string[] }) {
  const parts = props.body.split(/(\$\{\d+\})/);
  return (
    <p class="template-text">
      {parts.map((part, i) => {
        const match = /^\$\{(\d+)\}$/.exec(part);
        if (!match) return part;
        const type = props.variables?.[Number(match[1]) - 1];
        return (
          <mark key={i} title={type}>
            {part}
            {type ? <span class="var-type"> {type}</span> : null}
          </mark>
        );
      })}
    </p>
  );
}

/** How many values a template takes: its highest variable number. */
export function variableCount(body: string): number {
  return Math.max(0, ...[...body.matchAll(/\$\{(\d+)\}/g)].map((m) => Number(m[1])));
}
