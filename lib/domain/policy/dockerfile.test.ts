import { describe, expect, it } from 'vitest';
import { dockerfileCreates, dockerfileUser, parseDockerfile } from './dockerfile';

const multiStage = `# build stage
ARG GO=1.11
FROM golang:\${GO} AS build
RUN useradd builder
USER builder

FROM --platform=linux/amd64 debian:9.5-slim
RUN groupadd -g 124 genome && \\
    useradd -u 501 -g 124 -c 'Collaboration Account' c_flintstones
USER c_flintstones:genome
`;

describe('parseDockerfile', () => {
  const df = parseDockerfile(multiStage);

  it('reads stages, substitutes ARG defaults and records positions', () => {
    expect(df.stages.map((s) => [s.image, s.alias])).toEqual([
      ['golang:1.11', 'build'],
      ['debian:9.5-slim', null],
    ]);
    expect(df.stages[1]?.from).toMatchObject({ line: 7, column: 1 });
  });

  it('takes the last USER of the final stage', () => {
    expect(dockerfileUser(df)).toMatchObject({ user: 'c_flintstones', group: 'genome', isRoot: false });
  });

  it('finds users and groups created by RUN in the final image only', () => {
    expect(dockerfileCreates(df, 'group', 'genome')).toBe(true);
    expect(dockerfileCreates(df, 'user', 'c_flintstones')).toBe(true);
    expect(dockerfileCreates(df, 'user', 'genome')).toBe(false);
    expect(dockerfileCreates(df, 'user', 'builder')).toBe(false);
  });

  it('follows FROM <stage> and ignores scratch', () => {
    const d = parseDockerfile('FROM alpine:3.8 AS base\nRUN adduser -D app\nFROM base\nUSER app\nFROM scratch AS empty\n');
    expect(d.stages.map((s) => s.image)).toEqual(['alpine:3.8', null, null]);
    const chained = parseDockerfile('FROM alpine:3.8 AS base\nRUN adduser -D app\nFROM base\nUSER app\n');
    expect(dockerfileCreates(chained, 'user', 'app')).toBe(true);
    expect(dockerfileUser(chained)?.user).toBe('app');
  });

  it('has no user when the image sets none', () => {
    expect(dockerfileUser(parseDockerfile('FROM nginx:1.15\n'))).toBeNull();
  });
});
