export default function LoadingStack() {
  return (
    <section className="space-y-6" aria-busy="true" aria-label="Loading stack">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-12 w-full animate-pulse rounded bg-slate-100 dark:bg-slate-900" />
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="h-40 w-full animate-pulse rounded-lg bg-slate-100 dark:bg-slate-900" />
      ))}
    </section>
  );
}
