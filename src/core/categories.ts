/** The built-in categories, in the order the glossary tree shows them, with their display names. */
export const CATEGORIES: readonly { readonly id: string; readonly en: string; readonly zh: string }[] = [
  { id: 'ml-basics', en: 'Machine learning basics', zh: '机器学习基础' },
  { id: 'nlp-basics', en: 'NLP basics', zh: '自然语言处理基础' },
  { id: 'architecture', en: 'Architecture', zh: '模型架构' },
  { id: 'training', en: 'Pre-training and training systems', zh: '预训练与训练工程' },
  { id: 'alignment', en: 'Fine-tuning and alignment', zh: '微调与对齐' },
  { id: 'prompting', en: 'Prompting and reasoning', zh: '提示与推理' },
  { id: 'rag-agents', en: 'RAG and agents', zh: '检索增强与智能体' },
  { id: 'inference', en: 'Inference and deployment', zh: '推理部署与加速' },
  { id: 'evaluation', en: 'Evaluation', zh: '评测' },
  { id: 'safety', en: 'Safety and risks', zh: '安全与风险' },
  { id: 'multimodal', en: 'Multimodal', zh: '多模态' },
  { id: 'models', en: 'Models', zh: '模型与系列' },
  { id: 'tools', en: 'Tools and frameworks', zh: '工具与框架' },
  { id: 'organizations', en: 'Organizations', zh: '机构' },
];

/** Display name of a category id; unknown (user) categories show as written. */
export function categoryLabel(id: string, language: 'en' | 'zh'): string {
  const c = CATEGORIES.find((x) => x.id === id);
  return c ? c[language] : id;
}
