// Set-up of the component project: each test renders into a clean document (without vitest's globals,
// testing-library cannot register this itself).
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(cleanup);
