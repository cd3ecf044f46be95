// Worker-thread entry: measure the slice of inputs given in workerData and post the mergeable result.
import { parentPort, workerData } from 'node:worker_threads';
import { measureInline, type Job } from './parallel.js';

parentPort!.postMessage(measureInline(workerData as Job));
