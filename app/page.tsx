export default function HomePage() {
  return (
    <section className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-semibold tracking-tight">Spin Portal</h1>
      <p className="text-lg text-slate-700 dark:text-slate-300">
        Look after your NERSC Spin stacks yourself: restart a crashed service, roll out a new image tag, read
        container logs and open a shell, on the stacks you own or share with your group.
      </p>
      <p className="text-slate-600 dark:text-slate-400">
        Every change is checked against Spin’s security rules before it reaches Rancher, and every action is recorded
        with the person who did it.
      </p>
    </section>
  );
}
