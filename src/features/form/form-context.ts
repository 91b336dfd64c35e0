import { createContext, useContext } from 'react';
import type { Release, Specialisation } from '../../model/types';

export interface FormContextValue {
  /** Index of the specialisation being edited. */
  index: number;
  specialisation: Specialisation;
  release: Release;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const value = useContext(FormContext);
  if (!value) throw new Error('form fields need a FormContext');
  return value;
}
