// The upgrade panel's sections share one frame; controls and buttons come from components/ui.
export const sectionClass = 'space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800';
