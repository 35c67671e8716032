import { z } from 'zod';

export const entityKinds = ['policies', 'projects', 'governance'] as const;
export type EntityKind = (typeof entityKinds)[number];

export const entityKindLabels: Record<EntityKind, string> = {
  policies: '政策与制度',
  projects: '项目',
  governance: '治理模式',
};

export const themes = ['经济发展', '社会治理', '民生保障', '党建引领', '城市建设'] as const;

/** Sub-types allowed in each collection. */
export const entitySubtypes: Record<EntityKind, readonly [string, ...string[]]> = {
  policies: ['制度', '政策文件', '扶持措施', '计划', '服务品牌', '专项行动', '战略'],
  projects: ['重点项目', '园区', '平台', '楼宇', '工程', '设施', '阵地'],
  governance: ['治理模式', '工作机制', '党建模式', '治理品牌', '组织体系'],
};

export const statuses = ['规划中', '建设中', '已建成', '实施中', '已完成', '持续推进'] as const;

export function entityFrontmatterSchema(kind: EntityKind) {
  return z.strictObject({
    name: z.string().min(2),
    aliases: z.array(z.string().min(2)).default([]),
    kind: z.enum(entitySubtypes[kind]),
    theme: z.enum(themes),
    region: z.string().min(2),
    period: z.string().min(2).optional(),
    status: z.enum(statuses).optional(),
    summary: z.string().min(6).max(80),
    figures: z
      .array(z.strictObject({ label: z.string().min(1), value: z.string().min(1) }))
      .default([]),
  });
}

export type EntityFrontmatter = z.infer<ReturnType<typeof entityFrontmatterSchema>>;

/** The identity of an entity across the site: `policies/louzhangzhi`. */
export interface EntityRef {
  id: string;
  kind: EntityKind;
  slug: string;
  name: string;
  aliases: string[];
}
