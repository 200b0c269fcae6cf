import type { PoolKey } from "./project-items";

/** One 主管部门 of the demo district, with its budget units and what its projects look like. */
export interface DepartmentDef {
  name: string;
  sector: string;
  /** Relative share of the district's 1,713 projects. */
  projects: number;
  /** Relative size of its project budgets (1 = a typical department). */
  scale: number;
  /** Headcount of the department and its units: drives the basic expenditure (基本支出). */
  staff: number;
  pools: readonly PoolKey[];
  units: readonly string[];
  /** Places its construction projects are located in; defaults to the district's roads. */
  places?: readonly string[];
}

const dept = (
  name: string,
  sector: string,
  projects: number,
  scale: number,
  staff: number,
  pools: readonly PoolKey[],
  units: readonly string[],
): DepartmentDef => ({ name, sector, projects, scale, staff, pools, units });

/** A 街道办事处: its units are service centres and its communities (社区/村), which are also its places. */
function street(name: string, communities: readonly string[], pools: readonly PoolKey[] = ["street"]): DepartmentDef {
  const short = name.replace("办事处", "");
  const units = [
    `${short}综合保障中心`,
    `${short}党群服务中心`,
    ...communities.map((c) => `${short}${c}${c.endsWith("村") ? "民委员会" : "居民委员会"}`),
  ];
  return { name, sector: "一般公共服务", projects: 60, scale: 0.7, staff: 90, pools, units, places: communities };
}

/** The 54 departments in the order of the budget system's department codes (101 …). */
export const DEPARTMENTS: readonly DepartmentDef[] = [
  dept(
    "中共城中区委办公室",
    "一般公共服务",
    20,
    0.6,
    35,
    ["office", "party"],
    ["中共城中区委政策研究室", "城中区机要保密服务中心"],
  ),
  dept("城中区人大常委会办公室", "一般公共服务", 12, 0.5, 25, ["office"], ["城中区人大代表联络服务中心"]),
  dept(
    "城中区人民政府办公室",
    "一般公共服务",
    25,
    0.7,
    40,
    ["office"],
    ["城中区人民政府研究室", "城中区政府法律顾问服务中心", "城中区地方志编纂中心"],
  ),
  dept("政协城中区委员会办公室", "一般公共服务", 10, 0.5, 22, ["office"], ["城中区政协委员联络服务中心"]),
  dept(
    "中共城中区纪律检查委员会",
    "一般公共服务",
    12,
    0.5,
    45,
    ["discipline"],
    ["城中区纪检监察信息中心", "城中区廉政教育中心"],
  ),
  dept(
    "中共城中区委组织部",
    "一般公共服务",
    25,
    0.8,
    30,
    ["party"],
    ["城中区党员教育中心", "城中区人才服务中心", "城中区干部档案管理中心"],
  ),
  dept(
    "中共城中区委宣传部",
    "一般公共服务",
    20,
    0.6,
    30,
    ["propaganda"],
    ["城中区融媒体中心", "城中区新时代文明实践服务中心"],
  ),
  dept("中共城中区委统一战线工作部", "一般公共服务", 8, 0.4, 18, ["united"], ["城中区民族宗教事务服务中心"]),
  dept(
    "中共城中区委政法委员会",
    "公共安全",
    20,
    0.8,
    30,
    ["politics"],
    ["城中区社会治安综合治理中心", "城中区网格化服务管理中心"],
  ),
  dept("中共城中区委党校", "教育", 8, 0.4, 25, ["party"], ["城中区干部教育培训服务中心"]),
  dept(
    "城中区机关事务管理局",
    "一般公共服务",
    15,
    0.7,
    35,
    ["affairs"],
    ["城中区机关后勤服务中心", "城中区公务用车服务中心"],
  ),
  dept(
    "城中区发展和改革局",
    "一般公共服务",
    18,
    0.9,
    30,
    ["planning"],
    ["城中区价格认证中心", "城中区重大项目服务中心", "城中区粮食和物资储备服务中心"],
  ),
  dept(
    "城中区财政局",
    "一般公共服务",
    30,
    0.8,
    60,
    ["finance"],
    ["城中区财政国库支付中心", "城中区财政投资评审中心", "城中区非税收入征收管理中心"],
  ),
  dept("城中区审计局", "一般公共服务", 10, 0.5, 25, ["audit"], ["城中区经济责任审计中心"]),
  dept("城中区统计局", "一般公共服务", 10, 0.5, 20, ["statistics"], ["城中区统计普查中心"]),
  dept("城中区工业和信息化局", "工业信息", 15, 1.0, 22, ["industry"], ["城中区中小企业服务中心"]),
  dept("城中区商务局", "商业服务业", 20, 0.9, 25, ["commerce"], ["城中区电子商务服务中心", "城中区商贸流通服务中心"]),
  dept("城中区投资促进局", "商业服务业", 10, 0.6, 18, ["commerce"], ["城中区招商服务中心"]),
  dept("城中区科学技术局", "科学技术", 12, 0.8, 15, ["science"], ["城中区生产力促进中心", "城中区科技情报研究所"]),
  dept(
    "城中区教育局",
    "教育",
    230,
    1.2,
    1150,
    ["education"],
    [
      "城中区文惠小学",
      "城中区潭中小学",
      "城中区静兰小学",
      "城中区环江小学",
      "城中区河东中学",
      "城中区第一幼儿园",
      "城中区教育教学研究室",
      "城中区学生资助管理中心",
    ],
  ),
  dept(
    "城中区卫生健康局",
    "卫生健康",
    150,
    1.2,
    520,
    ["health"],
    [
      "城中区人民医院",
      "城中区妇幼保健院",
      "城中区疾病预防控制中心",
      "城中区卫生监督所",
      "城中街道社区卫生服务中心",
      "潭中街道社区卫生服务中心",
      "静兰街道社区卫生服务中心",
      "河东街道社区卫生服务中心",
    ],
  ),
  dept("城中区医疗保障局", "卫生健康", 15, 1.5, 20, ["insurance"], ["城中区医疗保险服务中心"]),
  dept(
    "城中区民政局",
    "社会保障",
    70,
    1.2,
    60,
    ["civil"],
    ["城中区社会福利院", "城中区社会救助服务中心", "城中区养老服务指导中心", "城中区殡葬管理所", "城中区婚姻登记处"],
  ),
  dept(
    "城中区人力资源和社会保障局",
    "社会保障",
    40,
    1.2,
    55,
    ["labour"],
    ["城中区就业服务中心", "城中区社会保险事业管理中心", "城中区劳动人事争议仲裁院", "城中区劳动保障监察大队"],
  ),
  dept(
    "城中区退役军人事务局",
    "社会保障",
    20,
    0.8,
    25,
    ["veterans"],
    ["城中区退役军人服务中心", "城中区军队离退休干部休养所"],
  ),
  dept(
    "城中区残疾人联合会",
    "社会保障",
    18,
    0.6,
    18,
    ["disability"],
    ["城中区残疾人康复中心", "城中区残疾人就业服务所"],
  ),
  dept(
    "城中区住房和城乡建设局",
    "城乡建设",
    75,
    2.2,
    70,
    ["housing"],
    [
      "城中区建设工程质量安全监督站",
      "城中区房屋征收补偿服务中心",
      "城中区物业管理服务中心",
      "城中区城市更新项目服务中心",
    ],
  ),
  dept(
    "城中区城市管理行政执法局",
    "城乡建设",
    70,
    1.8,
    160,
    ["urban"],
    ["城中区环境卫生管理站", "城中区市政设施维护管理所", "城中区园林绿化管理所", "城中区城市管理执法大队"],
  ),
  dept(
    "城中区农业农村局",
    "农林水",
    45,
    1.0,
    45,
    ["agriculture"],
    ["城中区农业技术推广站", "城中区动物疫病预防控制中心", "城中区农村经营管理站", "城中区乡村振兴服务中心"],
  ),
  dept("城中区水利局", "农林水", 20, 1.3, 25, ["water"], ["城中区水利工程管理站", "城中区河湖保护中心"]),
  dept(
    "城中区交通运输局",
    "交通运输",
    20,
    1.5,
    30,
    ["transport"],
    ["城中区农村公路管理所", "城中区交通运输综合服务中心"],
  ),
  dept(
    "柳州市生态环境局城中分局",
    "节能环保",
    18,
    1.2,
    25,
    ["environment"],
    ["城中区生态环境监测站", "城中区生态环境保护综合行政执法大队"],
  ),
  dept(
    "城中区文化体育和旅游局",
    "文化旅游体育",
    40,
    0.9,
    50,
    ["culture"],
    ["城中区文化馆", "城中区图书馆", "城中区文物管理所", "城中区全民健身服务中心", "城中区旅游服务中心"],
  ),
  dept(
    "城中区应急管理局",
    "公共安全",
    25,
    1.0,
    35,
    ["emergency"],
    ["城中区应急救援指挥中心", "城中区安全生产执法大队", "城中区防汛抗旱服务中心"],
  ),
  dept(
    "城中区司法局",
    "公共安全",
    18,
    0.6,
    35,
    ["justice"],
    ["城中区公共法律服务中心", "城中区法律援助中心", "城中区社区矫正中心"],
  ),
  dept("城中区人民法院", "公共安全", 20, 0.8, 110, ["court"], ["城中区人民法院诉讼服务中心"]),
  dept("城中区人民检察院", "公共安全", 15, 0.7, 60, ["procuratorate"], ["城中区人民检察院检察技术信息中心"]),
  dept(
    "柳州市公安局城中分局",
    "公共安全",
    45,
    1.1,
    320,
    ["police"],
    ["柳州市公安局城中分局巡特警大队", "柳州市公安局城中分局户政服务中心"],
  ),
  dept(
    "城中区市场监督管理局",
    "一般公共服务",
    25,
    0.7,
    70,
    ["market"],
    ["城中区食品药品检验检测站", "城中区消费者权益保护中心"],
  ),
  dept("城中区信访局", "一般公共服务", 8, 0.4, 15, ["affairs"], ["城中区人民来访接待中心"]),
  dept(
    "城中区政务服务和大数据发展局",
    "一般公共服务",
    15,
    0.9,
    35,
    ["affairs"],
    ["城中区政务服务中心", "城中区12345政务服务热线中心", "城中区大数据发展中心"],
  ),
  dept("城中区档案馆", "一般公共服务", 6, 0.4, 12, ["affairs"], ["城中区档案数字化服务中心"]),
  dept("城中区总工会", "一般公共服务", 8, 0.5, 12, ["masses"], ["城中区职工服务中心"]),
  dept("共青团城中区委员会", "一般公共服务", 6, 0.3, 8, ["masses"], ["城中区青少年活动中心"]),
  dept("城中区妇女联合会", "一般公共服务", 6, 0.3, 8, ["masses"], ["城中区妇女儿童活动中心"]),
  dept("城中区工商业联合会", "一般公共服务", 5, 0.3, 8, ["masses"], ["城中区非公有制经济服务中心"]),
  dept("城中区科学技术协会", "科学技术", 6, 0.3, 8, ["science", "masses"], ["城中区科普教育基地管理中心"]),
  street("城中街道办事处", ["文笔社区", "东门社区", "曙光社区", "中山社区"]),
  street("公园街道办事处", ["公园社区", "八一社区", "三中社区", "龙城社区"]),
  street("中南街道办事处", ["中南社区", "得天社区", "五一社区", "文惠社区"]),
  street("水上街道办事处", ["水上社区", "红光社区", "映山社区", "沿江社区"]),
  street("潭中街道办事处", ["潭中社区", "桂中社区", "弯塘社区", "东环社区"]),
  street("河东街道办事处", ["河东社区", "学院社区", "东台社区", "文昌村"], ["street", "agriculture"]),
  street("静兰街道办事处", ["静兰社区", "东堤社区", "环江村", "马鞍村"], ["street", "agriculture"]),
];

export function departmentIndex(name: string): number {
  const i = DEPARTMENTS.findIndex((d) => d.name === name);
  if (i < 0) throw new Error(`no demo department named ${name}`);
  return i;
}
