// cidrmatch. Citation: Splunk Search Reference "Comparison and Conditional functions": cidrmatch "Returns
// TRUE or FALSE based on whether an IP address matches a CIDR notation." IPv6 follows RFC 4291 notation.

import { runTable, type Row } from './table.ts';

const rows: Row[] = [
  ['cidrmatch', ['192.168.0.0/16', '192.168.7.1'], true],
  ['cidrmatch', ['192.168.0.0/16', '192.169.0.1'], false],
  ['cidrmatch', ['10.0.0.0/8', '10.255.255.255'], true],
  ['cidrmatch', ['0.0.0.0/0', '8.8.8.8'], true],
  ['cidrmatch', ['10.1.2.3/32', '10.1.2.3'], true],
  ['cidrmatch', ['10.1.2.3', '10.1.2.3'], true, 'a bare address is a /32'],
  ['cidrmatch', ['10.0.0.0/33', '10.0.0.1'], false, 'an impossible prefix'],
  ['cidrmatch', ['10.0.0.0/8', '10.0.0'], false, 'not an address'],
  ['cidrmatch', ['10.0.0.0/8', '10.0.0.256'], false],
  ['cidrmatch', ['10.0.0.0/8', ''], false],
  ['cidrmatch', ['10.0.0.0/8', null], null],
  ['cidrmatch', [null, '10.0.0.1'], null],
  ['cidrmatch', ['10.0.0.0/8', ['192.0.2.1', '10.9.9.9']], true, 'multivalue: any value inside'],
  ['cidrmatch', ['2001:db8::/32', '2001:db8:1::5'], true],
  ['cidrmatch', ['2001:db8::/32', '2001:db9::1'], false],
  ['cidrmatch', ['::1/128', '::1'], true],
  ['cidrmatch', ['fe80::/10', 'FE80::1%eth0'], true, 'zone index ignored, hex case-insensitive'],
  ['cidrmatch', ['::ffff:0:0/96', '::ffff:10.0.0.1'], true, 'IPv4-mapped IPv6'],
  ['cidrmatch', ['10.0.0.0/8', '::ffff:10.0.0.1'], false, 'families do not mix'],
  ['cidrmatch', ['2001:db8::/32', '2001:db8::1::2'], false, 'two :: is invalid'],
];

runTable('network', rows);
