import { type Policy, taobao2015Policy, taobaoPolicy, validatePolicy } from '@xinyu/domain';

/** The policies this build ships, by name; each is validated before use. */
const POLICIES: Record<string, Policy> = {
  taobao: taobaoPolicy,
  // The shipping-promise rule before 2019-08-26 (L3: 5 %, ¥5–¥30), for replaying older history.
  'taobao-2015': taobao2015Policy,
};

export function policyByName(name: string): Policy | null {
  const policy = POLICIES[name];
  if (!policy) return null;
  const problems = validatePolicy(policy);
  if (problems.length > 0) throw new Error(`policy ${name} is invalid: ${problems.join('; ')}`);
  return policy;
}

export const POLICY_NAMES = Object.keys(POLICIES);
