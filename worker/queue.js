'use strict';

// One unit of work: a message taken from an SQS queue, or (without a queue) simulated work.
const { credentialsFrom, signRequest } = require('./aws');

/** Resolves after `ms`; `signal` (optional) ends the wait early with an AbortError. */
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    // The listener goes when the wait ends, or a long-running loop would pile one up per iteration.
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The region of an SQS queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>), else AWS_REGION. */
function regionOf(queueUrl, env) {
  const fromHost = /^sqs\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(new URL(queueUrl).hostname)?.[1];
  const region = fromHost ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) throw new Error(`QUEUE_URL ${queueUrl} names no region; set AWS_REGION`);
  return region;
}

/**
 * A client for the two SQS calls the worker makes, over SQS's JSON protocol (POST to the queue's endpoint
 * with X-Amz-Target "AmazonSQS.<Action>", "Making requests using the AWS JSON protocol", SQS developer guide).
 */
function sqsQueue(queueUrl, env, fetchImpl = fetch) {
  const url = new URL(queueUrl);
  if (url.protocol !== 'https:' && !['127.0.0.1', 'localhost'].includes(url.hostname)) {
    throw new Error(`QUEUE_URL must be an https URL, got ${JSON.stringify(queueUrl)}`);
  }
  const endpoint = `${url.origin}/`;
  const region = regionOf(queueUrl, env);
  const credentials = credentialsFrom(env, fetchImpl);

  async function call(action, payload, signal) {
    const body = JSON.stringify({ QueueUrl: queueUrl, ...payload });
    const headers = signRequest({
      method: 'POST',
      url: endpoint,
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `AmazonSQS.${action}` },
      body,
      region,
      service: 'sqs',
      credentials: await credentials(signal),
    });
    const res = await fetchImpl(endpoint, { method: 'POST', headers, body, signal });
    const text = await res.text();
    const answer = text ? JSON.parse(text) : {};
    if (!res.ok) throw new Error(`SQS ${action} failed: ${res.status} ${answer.__type ?? ''} ${answer.message ?? answer.Message ?? ''}`.trim());
    return answer;
  }

  return {
    /** The next message, or undefined after `waitSeconds` without one; `signal` abandons the wait. */
    async receive(waitSeconds, signal) {
      const answer = await call('ReceiveMessage', { MaxNumberOfMessages: 1, WaitTimeSeconds: waitSeconds }, signal);
      return answer.Messages?.[0];
    },
    /** Deletes a handled message, so no other worker gets it. */
    async remove(message) {
      await call('DeleteMessage', { ReceiptHandle: message.ReceiptHandle });
    },
  };
}

/**
 * The unit of work: with a queue, take one message (waiting up to `waitSeconds`), handle it (`workMs`
 * stands in for real processing) and delete it; without one, simulate `workMs` of work. `signal` may end
 * only the wait for a message: a message once taken is always handled to the end.
 */
function unitOfWork({ queue, waitSeconds, workMs }) {
  if (!queue) {
    return async () => {
      await sleep(workMs);
      return { simulated: true };
    };
  }
  return async (signal) => {
    let message;
    try {
      message = await queue.receive(waitSeconds, signal);
    } catch (err) {
      if (signal.aborted) return { received: 0, abandoned: true };
      throw err;
    }
    if (!message) return { received: 0 };
    await sleep(workMs);
    await queue.remove(message);
    return { received: 1, messageId: message.MessageId };
  };
}

module.exports = { sleep, sqsQueue, unitOfWork };
