import type { ReportTemplate } from "./template";

/**
 * The annual work report as the seed writes it, its figures bound to the data. Finance edits the prose per
 * region and year; `# ` starts a part (一、), `## ` a run-in heading （一）, `{{key}}` quotes a figure
 * (`{{key:0}}` at 0 decimals, `{{key:cn}}` in Chinese numerals).
 */
export const DEFAULT_TEMPLATE: ReportTemplate = {
  title: "{{year}}年{{region}}预算绩效管理工作开展情况",
  intro:
    "{{year}}年{{region}}财政局继续贯彻落实全面实施预算绩效管理的要求，推动绩效管理工作向高质量发展，紧跟上级部署，逐项完成各阶段目标任务，绩效管理工作开展情况如下：",
  sections: [
    {
      key: "goals",
      text: [
        "# 深化全过程绩效管理，构建多级次评价体系",
        "## 强化绩效目标管理",
        "区财政局以滚动方式每年抽取不等数量的部门对其部门整体支出及项目支出的绩效目标设置情况进行现场会审并提出指导建议，协助部门完善绩效目标编制。{{year}}年批复项目绩效目标表{{goals.projectTables}}张、部门整体支出绩效目标表{{goals.deptWideTables}}张，抽取{{goals.reviewDepartments}}个部门进行现场会审，完成{{goals.reviewedDepartments}}个部门的现场会审，近三年累计会审{{goals.rollingDepartments}}个部门。",
      ].join("\n"),
    },
    {
      key: "selfeval",
      text: [
        "## 组织开展单位自评",
        "{{year}}年{{region}}财政局组织全区预算部门（单位）完成{{selfeval.deptWide}}个部门整体支出及{{selfeval.projects}}个项目的绩效自评，涉及预算金额{{selfeval.budgetYi}}亿元。自评结束后，会同第三方机构{{review.firms}}对绩效自评结果进行抽查复核评定并给出指导意见。" +
          "全区{{review.deptWide.total}}个部门整体支出复核评分结果是：复核评分一等等级90分以上（含90分）的部门有{{review.deptWide.excellent}}个，占本次抽查比例{{review.deptWide.excellentShare}}%；二等等级80分以上（含80分）的部门{{review.deptWide.good}}个，占本次抽查比例{{review.deptWide.goodShare}}%；三等等级60分以上（含60分）{{review.deptWide.fair}}个，占本次抽查比例{{review.deptWide.fairShare}}%；四等等级60分以下{{review.deptWide.poor}}个，占本次抽查比例{{review.deptWide.poorShare}}%。" +
          "抽查的{{review.project.total}}个项目复核评分结果是：复核评分一等等级90分以上（含90分）的项目{{review.project.excellent}}个，占本次抽查比例{{review.project.excellentShare}}%；二等等级80分以上（含80分）的项目{{review.project.good}}个，占本次抽查比例{{review.project.goodShare}}%；三等等级60分以上（含60分）{{review.project.fair}}个，占本次抽查比例{{review.project.fairShare}}%；四等等级60分以下的项目有{{review.project.poor}}个，占本次抽查比例{{review.project.poorShare}}%。",
      ].join("\n"),
    },
    {
      key: "deptEval",
      text: [
        "## 组织开展部门评价",
        "通过开展部门评价工作，增强主管部门的绩效管理意识，及时了解部门项目实施过程及产出效益，促进部门科学编制年初项目预算，提高绩效目标编制水平。{{year}}年，完成{{deptEval.count}}个项目部门评价，全区参评部门覆盖率{{deptEval.coverage}}%。",
      ].join("\n"),
    },
    {
      key: "keyEval",
      text: [
        "## 开展重点项目财政评价",
        "对{{keyEval.names}}等{{keyEval.count:cn}}个预算重点项目开展财政绩效评价，涉及金额{{keyEval.amountWan}}万元。经评定，{{keyEval.count:cn}}个项目绩效平均得分{{keyEval.meanScore}}分。我们将评价报告及时反馈给项目单位，要求单位对报告中指出的问题认真研究，积极做好整改工作，评价发现问题{{rectification.items}}个，已整改{{rectification.accepted}}个。",
      ].join("\n"),
    },
    {
      key: "monitoring",
      text: [
        "# 紧盯执行绩效，强化过程监控",
        "{{year}}年，区财政局在一体化系统下发了{{monitoring.departmentTasks}}个部门监控及{{monitoring.keyTasks}}个财政重点监控任务，对绩效目标实现程度和预算执行进度实行“双监控”。之后，对所有监控项目的绩效运行情况进行复核评价，及时发现问题，督促单位做好调整工作，发出红灯预警{{monitoring.red}}个，提出整改措施{{monitoring.actions}}项，已完成{{monitoring.actionsClosed}}项。",
      ].join("\n"),
    },
    {
      key: "budgetSystem",
      text: [
        "# 依托一体化系统，实现绩效管理科学、精准化转变",
        "我区{{year}}年的绩效自评及运行监控工作均在一体化系统完成，全年从一体化系统导入数据{{budgetSystem.batches}}批次，共{{budgetSystem.rows}}行。绩效管理与预算系统紧密结合，有利于提高预算绩效评价质量，同时提高工作效率，节约时间成本。",
      ].join("\n"),
    },
    {
      key: "results",
      text: [
        "# 强化评价结果的刚性约束，推动财政资金提质增效",
        "我区将评价结果与预算安排、政策调整挂钩，与政府绩效考评挂钩，将其作为改进预算管理和安排以后年度预算的重要依据。根据{{year}}年绩效评价结果，对绩效评分低于全区平均分（{{results.average}}分）的部门相应核减其下年预算申报金额。累计调整{{results.projectsAdjusted}}个项目的{{nextYear}}年预算申报数，压减申报金额{{results.totalCut}}万元。",
      ].join("\n"),
    },
    {
      key: "disclosure",
      text: "及时在政府门户网站上公开预算绩效管理信息，包括{{disclosure.titles}}，主动接受社会公众监督。",
    },
  ],
};
