import { type Policy, taobaoPolicy, validatePolicy } from '@xinyu/domain';

/** The policies this build ships, by name; each is validated before use. */
const POLICIES: Record<string, Policy> = { taobao: taobaoPolicy };

export function policyByName(name: string): Policy | null {
  const policy = POLICIES[name];
  if (!policy) return null;
  const problems = validatePolicy(policy);
  if (problems.length > 0) throw new Error(`policy ${name} is invalid: ${problems.join('; ')}`);
  return policy;
}

export const POLICY_NAMES = Object.keys(POLICIES);
