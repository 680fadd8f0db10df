import type { ComponentChildren } from 'preact';
import { consoleBase, navigate } from '../router';

/** A link inside the console: a real <a href> (new tab, copy link, keyboard) that navigates without a reload. */
export function Link(props: { href: string; children: ComponentChildren; 'aria-current'?: 'page' | undefined; class?: string }) {
  return (
    <a
      href={consoleBase + props.href}
      class={props.class}
      aria-current={props['aria-current']}
      onClick={(e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
