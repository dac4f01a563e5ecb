import type { Metadata } from 'next';
import { RuleEntry } from '@/components/policy/rule-entry';
import { SourceLegend } from '@/components/policy/source-legend';
import { rules } from '@/lib/domain/policy/rules/index';

export const metadata: Metadata = { title: 'Spin policy' };

// Public: the rules a stack must follow are no secret, and people read them before they ever log in.
export default function PolicyPage() {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  return (
    <section className="space-y-4">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Spin policy</h1>
        <p className="max-w-prose text-slate-600 dark:text-slate-400">
          The rules every stack and every upgrade is checked against, in the browser as you edit and again on the server before anything reaches
          Rancher. Errors block a change, warnings need a second look. Run the same check on your compose files with{' '}
          <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">npx spin-policy check docker-compose.yml</code>.
        </p>
      </div>
      <SourceLegend />
      <nav aria-label="Rules" className="columns-2 text-sm sm:columns-3">
        {sorted.map((rule) => (
          <a key={rule.id} href={`#${rule.id}`} className="block text-brand-600 hover:underline dark:text-blue-400">
            {rule.id}
          </a>
        ))}
      </nav>
      {sorted.map((rule) => (
        <RuleEntry key={rule.id} rule={rule} />
      ))}
    </section>
  );
}
