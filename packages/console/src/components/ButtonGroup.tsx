import type { ReactNode } from 'react';

/** A row of related buttons (filters, actions), named for screen readers by a hidden legend. */
export function ButtonGroup({
  label,
  className,
  children,
}: {
  label?: string | undefined;
  className: string;
  children: ReactNode;
}) {
  return (
    <fieldset className={className}>
      {label ? <legend className="visually-hidden">{label}</legend> : null}
      {children}
    </fieldset>
  );
}
