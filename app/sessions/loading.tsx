export default function LoadingSessions() {
  return (
    <section className="space-y-6" aria-busy="true" aria-label="Loading your sessions">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="h-10 w-full animate-pulse rounded bg-slate-100 dark:bg-slate-900" />
      ))}
    </section>
  );
}
