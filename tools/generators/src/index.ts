export { contextGenerator, type ContextGeneratorSchema } from './context/generator';
