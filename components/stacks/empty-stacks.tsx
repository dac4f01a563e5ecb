export function EmptyStacks({ uid }: { uid: string }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center dark:border-slate-700">
      <h2 className="text-lg font-semibold">No stacks are shared with you yet</h2>
      <p className="mx-auto mt-2 max-w-prose text-sm text-slate-600 dark:text-slate-400">
        A stack shows up here when its Rancher tags name you or one of your groups: <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">owner:{uid}</code> or{' '}
        <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">group:&lt;your group&gt;</code>, in the stack’s tags. Ask Spin staff to tag
        your stack, or add the tags when you create it.
      </p>
    </div>
  );
}
