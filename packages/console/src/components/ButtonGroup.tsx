import type { ReactNode, Ref } from 'react';

/** A row of related buttons (filters, actions), named for screen readers by a hidden legend. */
export function ButtonGroup({
  label,
  className,
  children,
  ref,
}: {
  label?: string | undefined;
  className: string;
  children: ReactNode;
  ref?: Ref<HTMLFieldSetElement>;
}) {
  return (
    <fieldset className={className} ref={ref}>
      {label ? <legend className="visually-hidden">{label}</legend> : null}
      {children}
    </fieldset>
  );
}
