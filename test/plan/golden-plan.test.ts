// Golden plan tests: each query's plan display is kept in test/golden/plan/<name>.txt as
// "# title / SPL / ==> / plan". `npm test -- --update` rewrites them; review the diff before committing.
import { test } from 'node:test';
import { join } from 'node:path';
import { assertGolden } from '../helpers/golden.ts';
import { planQuery } from '../../src/plan/index.ts';
import { displayPlan } from '../../src/plan/display.ts';

const DIR = join(new URL('.', import.meta.url).pathname, '..', 'golden', 'plan');

const CASES: { name: string; title: string; spl: string }[] = [
  {
    name: 'seed-t1021-007-append',
    title: 'Founding rule T1021.007 rewritten with append (its O365 branch has stats)',
    spl: `index=azure sourcetype="azure:monitor:aad:signin" properties.status.errorCode=0
| eval UserUPN='properties.userPrincipalName'
| eval AppName='properties.appDisplayName'
| eval SourceIP='properties.ipAddress'
| eval RiskLevel='properties.riskLevelDuringSignIn'
| eval IsAnon=if(match('properties.networkLocationDetails', "anonymizedIP"), 1, 0)
| where RiskLevel IN ("medium", "high") OR IsAnon=1
| eval AlertType="AzureRiskySignin"
| table _time, UserUPN, AppName, SourceIP, RiskLevel, IsAnon, AlertType
| append [search index=o365 sourcetype="o365:management:activity" Operation="UserLoggedIn" ResultStatus="Success"
  | eval UserUPN=UserId
  | eval ClientIP='ClientIP'
  | eval AppName='ApplicationName'
  | eval Country=mvindex(split('ClientInfoString', ";"), 0)
  | stats dc(ClientIP) as UniqueIPs, values(ClientIP) as IPs by UserUPN, AppName
  | where UniqueIPs >= 3
  | eval AlertType="O365MultiIPLogin"
  | table UserUPN, AppName, UniqueIPs, IPs, AlertType]
| append [search index=aws sourcetype="aws:cloudtrail" eventName="ConsoleLogin" responseElements.ConsoleLogin="Success"
  | eval UserArn='userIdentity.arn'
  | eval SourceIP='sourceIPAddress'
  | eval MFA='additionalEventData.MFAUsed'
  | where MFA="No"
  | eval AlertType="AWSConsoleLoginNoMFA"
  | table _time, UserArn, SourceIP, MFA, AlertType]`,
  },
  {
    name: 'seed-t1021-008-multisearch',
    title: 'Founding rule T1021.008 rewritten with multisearch (both branches stream)',
    spl: `| multisearch
  [search index=aws sourcetype="aws:cloudtrail"
     eventName IN ("StartSession", "ResumeSession", "TerminateSession", "SendCommand", "StartAutomationExecution", "SendSSHPublicKey", "StartSSHSession")
     eventSource IN ("ssm.amazonaws.com", "ec2-instance-connect.amazonaws.com")
   | eval UserARN='userIdentity.arn'
   | eval TargetInstance=coalesce('requestParameters.target', 'requestParameters.instanceId')
   | eval SourceIP='sourceIPAddress'
   | eval AlertType="AWS_DirectVMConnection"
   | fields _time, UserARN, eventName, TargetInstance, SourceIP, AlertType]
  [search index=azure sourcetype="azure:activity"
     operationName.value IN ("MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION", "MICROSOFT.SERIALCONSOLE/CONSOLESERVICES/ACCESS", "MICROSOFT.COMPUTE/VIRTUALMACHINES/EXTENSIONS/WRITE")
   | eval CallerUPN='caller'
   | eval VMName='resourceId'
   | eval SourceIP='httpRequest.clientIpAddress'
   | eval AlertType="Azure_DirectVMConnection"
   | fields _time, CallerUPN, operationName.value, VMName, SourceIP, AlertType]
| sort - _time
| table _time, AlertType, UserARN, CallerUPN, operationName.value, eventName, TargetInstance, VMName, SourceIP`,
  },
  { name: 'search-terms', title: 'Field matches and bare terms in the leading search', spl: 'sourcetype=aws:cloudtrail eventName=ConsoleLogin "access denied" error*' },
  { name: 'search-boolean', title: 'search precedence: OR binds tighter than AND; NOT; IN with wildcards', spl: 'index=aws user=alice OR user=bob NOT action=success eventName IN (Get*, "List*")' },
  { name: 'search-sourcetype-or', title: 'Required sourcetypes are the union of OR branches', spl: '(sourcetype="aws:cloudtrail" eventName=ConsoleLogin) OR (sourcetype="azure:activity" caller=*)' },
  { name: 'search-time', title: 'Time modifiers become scan bounds', spl: 'sourcetype=aws:cloudtrail earliest=-24h@h latest=now eventName=ConsoleLogin' },
  { name: 'search-term-case', title: 'TERM() and CASE()', spl: 'TERM(10.0.0.1) CASE(Error) src!=10.*' },
  { name: 'search-later', title: 'A later | search is a filter with search semantics', spl: 'sourcetype=aws:cloudtrail | search NOT errorCode=success' },
  { name: 'where-eval', title: 'where and eval: compare, concat, arithmetic, functions', spl: `* | eval full=user."@".domain, n=bytes*2+1 | where n>100 AND NOT isnull(user) | eval kind=case(n>1000, "big", true(), "small")` },
  { name: 'where-like-in', title: 'like() and IN in where', spl: `* | where like(user, "adm%") OR app IN ("cli", "console") OR 'a{}.b'=c` },
  { name: 'stats-by', title: 'stats with default output names and BY', spl: '* | stats count, dc(src), values(user), count(eval(action="failure")) AS failures by app, action' },
  { name: 'eventstats-streamstats', title: 'eventstats and streamstats with a window', spl: '* | eventstats avg(bytes) AS avg_bytes by user | streamstats window=5 current=false max(bytes) AS prev_max by user' },
  { name: 'sort-head-tail', title: 'sort default limit, sort 0, head and tail', spl: '* | sort -_time, str(user) | sort 0 num(bytes) | head 5 | tail 2' },
  { name: 'dedup', title: 'dedup with count, keepempty and sortby', spl: '* | dedup 2 user src keepempty=true sortby -_time' },
  { name: 'table-fields-rename', title: 'table, fields and wildcard rename', spl: '* | rename properties.* AS * | fields - _raw | table _time, user*, status.errorCode' },
  { name: 'fillnull', title: 'fillnull with and without a field list', spl: '* | fillnull value=unknown user src | fillnull' },
  { name: 'bin-rex-spath', title: 'bin, rex (extract and sed) and spath', spl: `* | bin _time span=1h | rex field=msg "user=(?<u>\\w+)" max_match=0 | rex field=msg mode=sed "s/\\d+/N/g" | spath input=payload path=a.b{}.c output=c` },
  { name: 'mvexpand-lookup', title: 'mvexpand and lookup OUTPUT/OUTPUTNEW', spl: `* | mvexpand 'roles{}' | lookup users.csv user AS userName OUTPUT dept AS department | lookup hosts host OUTPUTNEW owner` },
  { name: 'generators', title: 'makeresults, inputlookup and append', spl: '| makeresults count=3 | eval x=1 | append [| inputlookup users.csv | head 1]' },
  { name: 'union', title: 'union of two searches after a search', spl: 'sourcetype=a | union [search sourcetype=b | eval k=1] [search sourcetype=c]' },
  {
    name: 'convert',
    title: 'convert after stats (security_content_ctime shape), default timeformat, wildcard AS, none(); mvfilter/mvmap calls',
    spl: 'sourcetype=aws:cloudtrail | stats min(_time) as firstTime max(_time) as lastTime values(x) as x by user | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime) ctime(lastTime) | convert ctime(*Time) AS *Shown none(lastTime) dur2sec(d) | eval y=mvfilter(x!="a"), z=mvmap(x, x."!")',
  },
  { name: 'streamstats-time-window', title: 'streamstats time_window with window and current', spl: '* | streamstats time_window=1h window=5 current=false count by user' },
];

for (const c of CASES) {
  test(`plan golden: ${c.name}`, () => {
    const text = `# ${c.title}\n${c.spl}\n==>\n${displayPlan(planQuery(c.spl))}`;
    assertGolden(join(DIR, `${c.name}.txt`), text);
  });
}
