import { describe, expect, it } from 'vitest';
import type { FormField } from './form-field';
import { groupIssues } from './group-issues';

const finding = (path: string, severity: 'error' | 'warning' | 'info', ruleId = 'r') => ({ ruleId, severity, message: `${ruleId} at ${path}`, path });

describe('groupIssues', () => {
  const shown = new Set<FormField>(['image', 'env', 'env:DB_PASSWORD', 'advanced']);

  it('puts each finding and problem by its field, errors first', () => {
    const groups = groupIssues(
      [finding('/proposed/imageUuid', 'warning', 'image-tag-not-latest'), finding('/proposed/imageUuid', 'error', 'image-registry-allowed'), finding('/proposed/environment/DB_PASSWORD', 'warning', 'secret-not-in-env')],
      [{ field: 'advanced', message: 'Line 1: bad' }],
      shown,
    );
    expect(groups.get('image')?.findings.map((f) => f.ruleId)).toEqual(['image-registry-allowed', 'image-tag-not-latest']);
    expect(groups.get('env:DB_PASSWORD')?.findings).toHaveLength(1);
    expect(groups.get('advanced')).toEqual({ findings: [], problems: ['Line 1: bad'] });
  });

  it('sends what has no field on screen to general, dropping nothing', () => {
    const groups = groupIssues([finding('/proposed/environment/RENAMED', 'warning'), finding('/stack/group', 'info')], [{ field: 'label:gone', message: 'gone' }], shown);
    expect(groups.get('general')?.findings).toHaveLength(2);
    expect(groups.get('general')?.problems).toEqual(['gone']);
    expect([...groups.keys()]).toEqual(['general']);
  });
});
