/**
 * The whole-text rules of measure reading, each with the example its table gives: the lexicon of signals that
 * set the floor (strengthFloor.ts), the core processes that are the whole plant and the production a stop keeps
 * (wholeText.ts), units counted (unitShare.ts) and quantities against the normal (shareGrammar.ts).
 */
import { parseMeasureText } from '../../../src/core/rules/measureText.js';
import { limitByQuantity, limitByShare, quantityBroughtDown } from '../../../src/core/rules/shareGrammar.js';
import { SIGNALS, strengthFloor } from '../../../src/core/rules/strengthFloor.js';
import { unitShare } from '../../../src/core/rules/unitShare.js';
import { CORE_PROCESSES, keptProduction } from '../../../src/core/rules/wholeText.js';

const ORDER = ['stop', 'stop_part', 'limit', 'self', 'exempt', 'none'];

describe('the floor: each signal of the lexicon, on its own example', () => {
  test.each(SIGNALS.map((s) => [s.example, s.action]))('%s → at least %s', (example, action) => {
    const floor = strengthFloor([example]);
    expect(floor.action).not.toBeNull();
    expect(ORDER.indexOf(floor.action!)).toBeLessThanOrEqual(ORDER.indexOf(action));
  });

  test.each([
    ['洒水降尘', null],
    ['加强门禁管控', null],
    ['按相关规定执行', null],
    ['一线保温停产', 'stop_part'],
    ['停产部分生产线', 'stop_part'],
    ['我们茶厂停止加工', 'stop'],
    ['窑内保温，不出砖', 'stop'],
    ['属民生保障类，禁止露天焚烧', 'exempt'],
    ['预警期间就不做了，等预警结束再开工', 'stop'],
    ['只进行设备维护保养，不安排生产', 'stop'],
    ['汽修厂：预警期间不喷漆，不焊接，不打磨', 'stop_part'],
    ['喷漆房不用', 'stop_part'],
    ['停', 'stop'],
  ])('%s → %s', (text, action) => {
    expect(strengthFloor(text.split('，')).action).toBe(action);
  });
});

describe('core processes: the plant stops when its core process does', () => {
  test.each(CORE_PROCESSES.map((c) => [c.example]))('%s → stop', (example) => {
    expect(parseMeasureText(example).action).toBe('stop');
  });

  test.each([
    // Something keeps running, or units are counted: not the whole plant.
    ['砖厂停止1号轮窑焙烧，2号窑正常生产', 'stop_part'],
    ['石材厂：切割线停产，抛光线正常生产', 'stop_part'],
    // The industry named before the colon is the process that stops.
    ['塑料造粒：停止造粒工序，仅保留成品打包发货', 'stop'],
    ['家具制造：停止喷漆工序', 'stop_part'],
    // A level label is not an industry.
    ['Ⅱ级响应：停止调漆、喷漆工序', 'stop_part'],
    // Only the kiln's heat is kept.
    ['石灰窑停止投料出灰，压火保温', 'stop'],
    // A stop said of a named part, or said not to apply, or of the past or the future, is not the plant's now.
    ['本厂印铁涂装线（烘房）停产，制罐冲压线照常', 'stop_part'],
    ['涉VOCs工序（调配、涂布、烘干）停产', 'stop_part'],
    ['原料药车间停止投料，溶剂回收装置正常运行；固体制剂车间正常生产', 'stop_part'],
    ['转炉停产1座，保留2座转炉运行', 'stop_part'],
    ['引领性企业：可不执行停产限产措施，自主减排', 'self'],
    ['全厂停产的要求不适用于我厂，我厂为民生保障企业（乳制品），按核定负荷运行', 'exempt'],
    ['我厂停产检修计划安排在预警解除后，预警期间降负荷10%运行', 'limit'],
    ['叉车、装载机停用（国二及以下）', null],
    ['我们3台溶剂型凹印机预警期间全部停，另外2台水性柔印机继续印', 'stop_part'],
    ['4台窑炉保留1台保温，其余3台停产', 'stop'],
    // An owner's words: the plant stops, quantities against the usual, shifts, trucks kept out.
    ['咱们厂到时候就停了，窑火压着保温，一块砖都不出', 'stop'],
    ['设备检修，橙色那几天正好停机检修', 'stop'],
    ['歇了', 'stop'],
    ['家具厂开料、封边照干，喷漆和烘干全停，UV线也停', 'stop_part'],
    ['汽修：不喷漆了，等橙色过了再喷', 'stop_part'],
    ['订单实在多，停是停不了，限产三成吧', 'limit'],
    ['咱厂一天正常出三百吨饲料，橙色就做两百吨', 'limit'],
    ['平时三班倒，橙色改一班', 'limit'],
    ['我们就开个两成', 'limit'],
    ['没有要减的，咱就是个仓库', 'none'],
    ['限产30%（按生产线计，停产3#生产线）', 'stop_part'],
    ['不得组织生产', 'stop'],
    ['烧结机限产30%，高炉休风1座（共3座）', 'stop_part'],
    ['昆山市：电子企业（非分级）停止清洗、丝印工序', 'stop_part'],
    ['本公司各车间停工，仅食堂和宿舍正常', 'stop'],
    ['限产30%，视污染程度可进一步停产', 'limit'],
    ['铸造厂停止熔炼，电炉断电，只留两个人值班看门', 'stop'],
    ['汽车维修 烤漆房停 焊接进车间 不露天', 'stop_part'],
    ['饲料厂 生產線減少一半 國四車輛禁止進廠', 'stop_part'],
    // A fuel or material given up for another stops no production; a process that stops still does.
    ['停止使用溶剂型涂料，全部改用水性涂料', 'none'],
    ['鍋爐改燃氣，停用燃煤鍋爐', 'none'],
    ['停止使用溶剂型油墨的印刷工序，改用水性油墨', 'stop_part'],
    ['退出生产的设备：1#、2#、3#球磨机（全厂共5台），其余正常', 'stop_part'],
    ['南京市：石化企业（A级）自主减排；储罐清洗、检维修作业一律停止', 'self'],
    ['我公司只做发货，不生产', 'stop'],
    ['仅允许库存产品外运，不进原料、不开机', 'stop'],
    ['本厂所有的机器都关掉，只有看门的在', 'stop'],
    ['露天矿山停止一切采掘和加工作业', 'stop'],
    ['玻璃熔窑保温，成型和切割停止（本厂一窑一线）', 'stop'],
    ['茶叶初制：生物质燃料炒茶机停用', 'stop_part'],
    ['橙色预警期间，我公司停产（喷涂车间）', 'stop_part'],
    ['A级企业：原C级措施（停产）不再执行，自主减排', 'self'],
    ['我们化工厂是连续生产的，停不了，申请降负荷到七成', 'limit'],
    ['橙色预警期间：全厂电镀生产线停止通电生产，镀槽保温，废水、废气处理设施正常运行', 'stop'],
    ['我厂只有一条热镀锌线，橙色预警时锌锅保温，不再浸镀工件', 'stop'],
    ['纸机停机（全厂仅一台纸机），制浆系统同步停运，污水站正常运行', 'stop'],
    ['镀锌锅保温运行，停止上件（厂内仅一口锌锅）', 'stop'],
    ['饲料厂全线停机，仅保留原料库通风', 'stop'],
    ['主体工艺（电镀）停止，仅保留废水处理设施运行', 'stop'],
    ['窑炉熄火', 'stop'],
    // Four processes or more, all stopped and nothing going on: the plant; painting steps alone are the painting.
    ['刷胶、喷胶、成型、针车全部停止，停止使用国四及以下柴油货车运输', 'stop'],
    ['涂料油墨D级企业：调配、研磨、分散、包装工序全部停产', 'stop'],
    ['调漆、喷漆、晾干、打磨工序全部停止', 'stop_part'],
    ['2套搅拌机组仅运行1套', 'stop_part'],
    ['破碎机共12台，开三到五台', 'stop_part'],
    ['蒸养锅炉停用，管桩生产线停产', 'stop'],
    // The only unit, in more words.
    ['我公司年产10万吨石灰，仅1座双膛窑，橙色预警时停窑', 'stop'],
    ['①前处理线停用②电泳线停用③喷粉线停用（本厂仅此三条线）', 'stop'],
    ['橙色预警：1、企业仅有的一条彩涂线停产；2、厂区道路每日洒水不少于4次', 'stop'],
    ['单条生产线企业停止该生产线生产', 'stop'],
    // All the units stop; the warehouse shipping as usual is no production, the woodworking going on is.
    ['我公司共3个生产车间，橙色预警时3个车间全部停产，仓库照常收发货', 'stop'],
    ['家具制造：喷漆房4间停4间，木工机械正常', 'stop_part'],
    ['Ⅱ级响应：双氧水生产装置停车（企业唯一生产装置），保留安全必需的循环水系统', 'stop'],
    ['二级管控：服装加工裁剪、缝制、印花车间全部停工', 'stop'],
    ['二级管控：再生塑料造粒机（仅1台）停机', 'stop'],
    ['二级管控：预拌砂浆站搅拌主机停机', 'stop'],
    ['拌合站停拌，国4车辆禁止进出', 'stop'],
    ['采石埸停止开彩 、破碎', 'stop'],
    ['只留保温', 'stop'],
    ['一条线检修停（共4条）', 'stop_part'],
    ['屠宰企业：橙色预警期间停止屠宰，冷库照常运行', 'stop'],
    ['橙色预警一来我们就放假，设备一台不开，污水站有人看着', 'stop'],
    ['我们的溶剂型凹印线2条，预警期间全部停用，其他水性线正常', 'stop_part'],
    ['砂石加工厂有颚破、圆锥破、制砂机各1台，预警期间全部停机，只做苫盖洒水', 'stop'],
    ['我公司为商砼搅拌站，橙色预警时停止搅拌作业，罐车全部停运', 'stop'],
    ['渭南市二级管控：石灰窑停止生产，停止国四及以下柴油货车运输', 'stop'],
    ['企业应急减排措施：不涉及生产线限停产，强化无组织排放管控', null],
    ['陶瓷企业停止喷雾干燥塔制粉，窑炉正常烧成', 'stop_part'],
    ['耐材：回转窑停火，破碎、成型工序停产', 'stop'],
    ['按照环评批复产能、排污许可产能和上年正常日产量三者最小值的70%组织生产', 'limit'],
    ['本厂无停限产措施，只做好洒水和台账', null],
    ['本公司生产线正常运行，预警期间不生产的是喷码和印字工序', 'stop_part'],
    ['储罐清洗、装置检维修作业停止；火炬不得排放', null],
    // The only unit; a bare 停 with what it keeps for safety; a yard loader is no production.
    ['轮窑停烧(本砖厂仅1座窑)', 'stop'],
    ['停(保留循环水)', 'stop'],
    ['砂场橙色预警期间：洗砂线停，场内装载机停用，运砂车全部停运', 'stop'],
    // Only pollution control is kept; goods still shipped out are no production.
    ['全厂锻造、热处理、机加工各车间全部停工，仅环保设施保持运行', 'stop'],
    ['锻造车间停工，热处理车间正常运行，环保设施保持运行', 'stop_part'],
    ['粉磨站停止粉磨，散装水泥停止公路发运', 'stop'],
    ['停止洗选作业，原煤停止公路运输', 'stop'],
  ])('%s → %s', (text, action) => {
    expect(parseMeasureText(text).action).toBe(action);
  });
});

describe('production a stop keeps', () => {
  test.each([
    ['仅保留包装工序，其余工序停产', { action: 'stop_part', limitPct: null, rule: 'kept_production' }],
    ['除1条保障线外其余生产线全部停产（共6条）', { action: 'stop_part', limitPct: 83.3, rule: 'kept_production' }],
    ['保留20%产能，其余全部停产', { action: 'limit', limitPct: 80, rule: 'kept_capacity' }],
    ['保留三成产能的生产线运行，其余生产线停产', { action: 'stop_part', limitPct: 70, rule: 'kept_capacity' }],
    ['除锅炉保温外一律停产', null],
    ['全厂停产（保留循环水系统运行）', null],
  ])('%s → %j', (text, kept) => {
    expect(keptProduction(text.replace(/，/g, ',').replace(/（/g, '(').replace(/）/g, ')'))).toEqual(kept);
  });
});

describe('units counted', () => {
  test.each([
    ['我司3条挤出线停1条', 33.3],
    ['停产2条生产线,保留1条生产线', 66.7],
    ['2座焦炉闷炉1座', 50],
    ['停止二号、三号生产线(全厂三条)', 66.7],
    ['关掉一半窑炉,另外一半照常烧', 50],
    ['我厂三台干燥窑,预警期间停两台', 66.7],
    ['本公司有两条浮法线,一线保温停产,二线正常生产', 50],
    ['全厂6条窑炉生产线仅留1条', 83.3],
    ['停运隧道窑2座(共4座)', 50],
    ['停2号炉,1号炉照开', 50],
    ['停止喷涂工序', null],
    // Run as usual, and now; used, not run; a fraction after the units; a list of numbers before 号; a range.
    ['本公司注塑机平时开30台,预警期间开18台', 40],
    ['我单位日常开三条印花线,橙色预警期间开一条', 66.7],
    ['硫化罐4个只用1个', 75],
    ['停止生产线一半', 50],
    ['1、2号线停产,3号线正常', 66.7],
    ['仅保留1#生产线运行;2#—6#线停产', 83.3],
    ['我们3台溶剂型凹印机预警期间全部停,另外2台水性柔印机继续印', 60],
    ['全厂共6条生产线,橙色预警期间仅保留1号线生产,其余停产', 83.3],
    ['退出生产的设备:1#、2#、3#球磨机(全厂共5台),其余正常', 60],
    ['2个喷漆房停用1个', 50],
    ['茶厂:燃煤炒锅6口停用,电炒锅4口照常', 60],
    ['生产线(1条)停产', 100],
    ['阳极氧化槽12个,启用不超过4个', 66.7],
    ['1号窑停,2号窑开', 50],
    ['停止一条生产线', null],
    // Ranges of units at their stricter end; the count that stops is no total.
    ['开两三条线(共九条)', 77.8],
    ['破碎机共12台,开三到五台', 75],
    ['面粉厂,磨粉机10台,橙色停3到4台', 40],
    ['染缸30只停12只', 40],
    ['7台压砖机仅1台运行', 85.7],
  ])('%s → %s', (text, share) => {
    expect(unitShare(text)).toBe(share);
  });

  test('a partial stop and a limit on the other numbered unit combine', () => {
    expect(parseMeasureText('①1号线停产②2号线限产20%（全厂共两条线）')).toMatchObject({ action: 'stop_part', limitPct: 60 });
    expect(parseMeasureText('停止2条线，其余2条线限产30%')).toMatchObject({ action: 'stop_part', limitPct: 65 });
    expect(parseMeasureText('停止生产线一半，剩余生产线限产百分之二十')).toMatchObject({ action: 'stop_part', limitPct: 60 });
    // A slash where a line break was separates measures.
    expect(parseMeasureText('1号生产线 停产 / 2号生产线 限产50% / 3号生产线 限产50%')).toMatchObject({ action: 'stop_part', limitPct: 66.7 });
    expect(parseMeasureText('限产3成/禁国三车')).toMatchObject({ action: 'limit', limitPct: 30, truckBan: true });
    // The rest limited in the next piece, or in hours against its usual.
    expect(parseMeasureText('三条线停一条，剩下两条也少干点，减两成')).toMatchObject({ action: 'stop_part', limitPct: 46.7 });
    expect(parseMeasureText('发泡机两台停一台，另一台平时干24小时，到时候只干12个小时')).toMatchObject({ action: 'stop_part', limitPct: 75 });
    expect(parseMeasureText('门口装了门禁，国四车进不来，自动拦').truckBan).toBe(true);
    expect(parseMeasureText('我们搅拌站到时候不生产了，罐车也不出去').truckBan).toBe(true);
    // The rest works one shift of two: half of the rest.
    expect(parseMeasureText('我公司红色预警期间12台锻锤停6台，剩下的每天只干一个班（原来两班）')).toMatchObject({ action: 'stop_part', limitPct: 75 });
    expect(parseMeasureText('电炉仅在夜间22时至次日6时生产，其余时段停产')).toMatchObject({ action: 'limit', limitPct: 66.7 });
    // Clock times with minutes: "22:00—次日6:00".
    expect(parseMeasureText('夜间（22:00—次日6:00）停止生产，白天正常')).toMatchObject({ action: 'limit', limitPct: 33.3 });
    expect(parseMeasureText('按2019年同期日均产量的70%组织生产')).toMatchObject({ action: 'limit', limitPct: 30 });
    // The night stopped and the day limited: both apply, 1 − (2/3 × 80 %).
    expect(parseMeasureText('夜间22时至次日6时停产，白天限产20%')).toMatchObject({ action: 'limit', limitPct: 46.7, wholeText: 'time_window' });
    // Lettered lines; the total in brackets of the kind that stops; a count that opens the rest's piece.
    expect(parseMeasureText('我公司两条生产线（A线、B线）。橙色：A线停，B线产量降为正常的一半。')).toMatchObject({ limitPct: 75 });
    expect(parseMeasureText('停止全部凹版印刷机生产（共5台），保留1台柔版印刷机使用水性油墨生产。')).toMatchObject({ limitPct: 83.3 });
    expect(parseMeasureText('保留1条生产线低负荷运行，其余全部停产（共5条）。')).toMatchObject({ limitPct: 80 });
    expect(parseMeasureText('页岩砖厂，两条隧道窑，一条停，一条降产三成')).toMatchObject({ action: 'stop_part', limitPct: 65 });
    expect(parseMeasureText('1条生产线停产，另1条限产50%')).toMatchObject({ action: 'stop_part', limitPct: 75 });
    expect(parseMeasureText('商砼搅拌楼全部停机，罐车不出站').truckBan).toBe(true);
    // All of some units stopping while others produce: a partial stop whose share the count does not give.
    expect(parseMeasureText('涂装线2条全部停产，焊装、总装正常生产')).toMatchObject({ action: 'stop_part', limitPct: null });
    expect(parseMeasureText('停止夜间运输作业').truckBan).toBe(false);
    expect(parseMeasureText('国四及以下的货车  不能进厂区').truckBan).toBe(true);
    expect(parseMeasureText('Ⅴ及以上车辆方可运输。').truckBan).toBe(true);
    expect(parseMeasureText('我单位搅拌楼停止搅拌，罐车停止出车。')).toMatchObject({ action: 'stop', truckBan: true });
    expect(parseMeasureText('我公司橙色预警时不生产，停止原料和成品车辆进出。').truckBan).toBe(true);
    expect(parseMeasureText('除保障民生的1条生产线外，其余生产线全部停产（企业共4条生产线）。')).toMatchObject({ action: 'stop_part', limitPct: 75 });
    // A capacity share beside a limit of another part; a limit of the whole is what the stop achieves.
    expect(parseMeasureText('合成革B级：停止溶剂型干法生产线（产能占比40%），湿法线限产30%。')).toMatchObject({ limitPct: 58 });
    expect(parseMeasureText('B级企业：限产20%，通过停止2#生产线实现（2#线产能占比25%）。')).toMatchObject({ limitPct: 25 });
    // A capacity share said for the part that stops, and the rest limited: 30 + 70 × 10 %.
    expect(parseMeasureText('1. 喷涂线（占比30%）停产；2. 其余生产线限产10%。')).toMatchObject({ action: 'stop_part', limitPct: 37 });
    expect(parseMeasureText('（1）1#窑（产能占比45%）停产；（2）2#窑限产20%。')).toMatchObject({ action: 'stop_part', limitPct: 56 });
  });
});

describe('quantities against the normal', () => {
  test.each([
    ['我厂由两班倒改为白班一班生产', 50],
    ['日产量控制在80吨以内(正常日产100吨)', 20],
    ['日产量控制在300吨以内,正常日产500吨', 40],
    ['日生产时间由十六小时减为十小时', 37.5],
    ['每天只生产白班8小时(平时24小时连续生产)', 66.7],
    ['日产由1000吨降至700吨', 30],
    // The quantity said as it is, then brought down: the nearest one in the same unit.
    ['我公司日产糕点约40吨,橙色预警期间降至28吨以内', 30],
    ['日均用电约1.5万度,橙色预警期间控制在1万度以内', 33.3],
    ['本厂年产砂石骨料60万吨,日均约2000吨,橙色预警期间日产控制在1000吨以内', 50],
    ['锅炉6蒸吨,预警期间按4蒸吨运行', 33.3],
    ['共2条生产线,日产约800方,按400方/日控制产量', 50],
    ['生产线24小时连续生产改为每日16小时', 33.3],
    // Shifts and hours against the normal, wherever the normal is said.
    ['二级管控:两班倒改为单班生产', 50],
    ['二级管控:生产时间控制在8:00-18:00(原24小时生产)', 58.3],
    ['焦化:出焦时间延长至48小时(正常结焦时间24小时)', 50],
    ['生产时间压缩至每日十二小时(正常二十四小时)', 50],
    ['生产时间由24小时调整为每日8:00-18:00生产', 58.3],
    ['我公司生产时间调整为仅限白天8:00—20:00,夜间停产(原24小时连续生产)', 50],
    ['我厂三班生产,橙色预警期间改为一班(白班8小时),夜班全停', 66.7],
    ['我公司预警期间全厂由3班倒调整为1个班(8小时)', 66.7],
    ['我厂预警期间把夜班停了,白班照常(原来两班各12小时)', 50],
    ['我厂预警期间只在白天生产8小时,晚上不生产;平时是24小时连续生产', 66.7],
    ['生产时间压缩至白天10小时(正常24小时)', 58.3],
    // The clock hours stopped are not the hours worked.
    ['本企业保证夜间22点至次日6点不生产(原为24小时生产)', null],
  ])('%s → %s', (text, share) => {
    expect(limitByQuantity(text)).toBe(share);
  });

  test('a range in words, at its stricter end; a share kept said tersely', () => {
    expect(limitByShare('电子元件生产线产量压减百分之二十至三十')).toBe(30);
    expect(parseMeasureText('保三成产能')).toMatchObject({ action: 'limit', limitPct: 70 });
    expect(parseMeasureText('四成产能生产')).toMatchObject({ action: 'limit', limitPct: 60 });
    expect(parseMeasureText('负荷50%')).toMatchObject({ action: 'limit', limitPct: 50 });
    expect(parseMeasureText('大概减产个三四成')).toMatchObject({ action: 'limit', limitPct: 40 });
    expect(parseMeasureText('冬天正是旺季，产量开七成')).toMatchObject({ action: 'limit', limitPct: 30 });
    expect(parseMeasureText('我们胶水厂每天只做平时一半的量。')).toMatchObject({ action: 'limit', limitPct: 50 });
    expect(parseMeasureText('半停')).toMatchObject({ action: 'stop_part', limitPct: 50 });
  });

  test('a cut said colloquially', () => {
    expect(limitByShare('大概减个两成左右', { quantityImplied: true })).toBe(20);
  });

  test('a quantity brought down is a limit, even in no limit word', () => {
    expect(parseMeasureText('本单位食品加工主要靠锅炉供汽蒸煮，锅炉6蒸吨，预警期间按4蒸吨运行')).toMatchObject({ action: 'limit', limitPct: 33.3 });
    // A count of machines is not a quantity of production (unitShare counts those).
    expect(quantityBroughtDown('注塑机10台,预警期间降至6台')).toBeNull();
  });

  test('all of production limited is the plant stopped', () => {
    expect(parseMeasureText('限产100%').action).toBe('stop');
  });
});
