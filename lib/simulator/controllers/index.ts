/**
 * The controller registry: every controller the Simulation runs. Add a controller by importing its
 * {@link ControllerRegistration} and appending it to {@link CONTROLLERS} (see controller.ts).
 */
import type { ControllerRegistration } from './controller';
import { cronJobControllerRegistration } from './cron-job-controller';
import { daemonSetControllerRegistration } from './daemon-set-controller';
import { jobControllerRegistration } from './job-controller';
import { statefulSetControllerRegistration } from './stateful-set-controller';
import { ttlAfterFinishedControllerRegistration } from './ttl-after-finished-controller';

/** Every registered controller, in the order the Simulation creates them. */
export const CONTROLLERS: readonly ControllerRegistration[] = [
  cronJobControllerRegistration,
  daemonSetControllerRegistration,
  jobControllerRegistration,
  statefulSetControllerRegistration,
  ttlAfterFinishedControllerRegistration,
];
