/** The four Chinese-mainland mobile networks; each has its own dedicated channel (SMPP bind). */
export const mainlandNetworks = ['cmcc', 'ctcc', 'cucc', 'cbn'] as const;
export type MainlandNetwork = (typeof mainlandNetworks)[number];

export const networkNames: Record<MainlandNetwork, string> = {
  cmcc: 'China Mobile (中国移动)',
  ctcc: 'China Telecom (中国电信)',
  cucc: 'China Unicom (中国联通)',
  cbn: 'China Broadnet (中国广电)',
};

/**
 * The network each 11-digit mobile number segment was allocated to. Source: the MIIT allocations of mobile
 * number segments (工业和信息化部 电信网码号资源 allocation notices), as of 2024, including the MVNO segments
 * (162, 165, 167, 170x, 171), whose traffic goes over their host network's channel, and the satellite
 * segments 1349 and 1740x (China Telecom). A four-digit entry overrides its three-digit segment. IoT segments
 * are refused before routing (`number-classes.ts`) and are not listed. Numbers that moved network keep their
 * prefix: the operators' ported-numbers list overrides this table.
 */
const segments: Record<MainlandNetwork, readonly string[]> = {
  cmcc: [
    '134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157', '158', '159', '165',
    '1703', '1705', '1706', '172', '178', '182', '183', '184', '187', '188', '195', '197', '198',
  ],
  ctcc: [
    '133', '1349', '149', '153', '162', '1700', '1701', '1702', '173', '1740', '177', '180', '181', '189',
    '190', '191', '193', '199',
  ],
  cucc: [
    '130', '131', '132', '145', '155', '156', '166', '167', '1704', '1707', '1708', '1709', '171', '175',
    '176', '185', '186', '196',
  ],
  cbn: ['192'],
};

const networkBySegment = new Map<string, MainlandNetwork>();
for (const network of mainlandNetworks) for (const segment of segments[network]) networkBySegment.set(segment, network);

/** The network a mainland number (E.164, `+86…`) was allocated to by its prefix, or null for an unallocated one. */
export function networkByPrefix(e164: string): MainlandNetwork | null {
  const national = e164.startsWith('+86') ? e164.slice(3) : e164;
  return networkBySegment.get(national.slice(0, 4)) ?? networkBySegment.get(national.slice(0, 3)) ?? null;
}

export function isMainlandNetwork(value: string): value is MainlandNetwork {
  return (mainlandNetworks as readonly string[]).includes(value);
}
