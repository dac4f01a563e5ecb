'use client';

// The same recovery as everywhere: say what happened, offer a retry.
export { default } from '@/app/error';
