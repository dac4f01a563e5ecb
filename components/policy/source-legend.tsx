import type { SourceTag } from '@/lib/domain/policy/rule';

/** What each citation tag stands for (spin-policy.md §0): NERSC's Spin documents and the Rancher and Docker sources. */
export const sourceNames: Record<SourceTag, string> = {
  BP18: 'Spin Best Practices (NERSC, 2018)',
  IG18: 'Spin Implementation Guide (NERSC, 2018)',
  BP19: 'Spin Best Practices (NERSC, 2019)',
  CS19: 'Spin Cheat Sheet (NERSC, 2019)',
  L1: 'Spin Getting Started Guide, lesson 1 (NERSC)',
  L2: 'Spin Getting Started Guide, lesson 2 (NERSC)',
  L3: 'Spin Getting Started Guide, lesson 3 (NERSC)',
  TE: 'Tips & Examples with the Rancher CLI (NERSC)',
  RAPI: 'Rancher 1.6 API types',
  MOBY: 'Docker default capabilities (moby)',
  catalog: 'the Spin Portal rule catalog',
};

/** A citation tag that says what it stands for, on hover and to screen readers. */
export function SourceTag({ tag }: { tag: SourceTag }) {
  return (
    <abbr title={sourceNames[tag]} className="cursor-help">
      {tag}
      <span className="sr-only"> ({sourceNames[tag]})</span>
    </abbr>
  );
}

/** The key to the citations, once above the rules. */
export function SourceLegend() {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">What the citations (BP18, L2, TE …) stand for</summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {(Object.keys(sourceNames) as SourceTag[]).map((tag) => (
          <div key={tag} className="contents">
            <dt className="font-mono">{tag}</dt>
            <dd>{sourceNames[tag]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
