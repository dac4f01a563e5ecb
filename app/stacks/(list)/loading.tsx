// The list streams behind a skeleton; a stack page does not, so its 404 is a real 404 status.
export default function LoadingStacks() {
  return (
    <section className="space-y-6" aria-busy="true" aria-label="Loading stacks">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-10 w-full animate-pulse rounded bg-slate-100 dark:bg-slate-900" />
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-10 w-full animate-pulse rounded bg-slate-100 dark:bg-slate-900" />
      ))}
    </section>
  );
}
