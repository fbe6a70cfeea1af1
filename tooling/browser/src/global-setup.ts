// vitest globalSetup: finds Chromium, then starts the run's PostgreSQL and S3 servers (the
// shared setup of @motcua/testing). Without Chromium it prints the skip banner and starts
// nothing, since every scenario will be skipped.
import startServices from '@motcua/testing/global-setup';
import type { TestProject } from 'vitest/node';
import { isExecutable, skippedBanner } from './chromium-banner.ts';
import './provided.ts';

export default async function setup(project: TestProject) {
  const path = project.getProvidedContext().chromiumPath;
  const available = isExecutable(path);
  project.provide('chromiumAvailable', available);
  if (!available) {
    console.error(skippedBanner(path));
    return undefined;
  }
  return startServices(project);
}
