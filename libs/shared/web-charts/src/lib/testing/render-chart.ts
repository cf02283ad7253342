import { type InputSignalWithTransform, provideZonelessChangeDetection, type Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideNoopAnimations } from '@angular/platform-browser/animations';

/** The values a component's signal inputs accept, by input name (for tests). */
export type ChartInputs<T> = {
  [
    K in keyof T as T[K] extends InputSignalWithTransform<unknown, unknown> ? K : never
  ]?: T[K] extends InputSignalWithTransform<unknown, infer W> ? W : never;
};

/** A rendered chart and its host element. */
export interface RenderedChart<T> {
  readonly fixture: ComponentFixture<T>;
  readonly element: HTMLElement;
}

/** Renders a chart zoneless, without animations, with the given inputs set, and waits until it is stable. */
export async function renderChart<T>(component: Type<T>, inputs: ChartInputs<T>): Promise<RenderedChart<T>> {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideNoopAnimations()] });
  const fixture = TestBed.createComponent(component);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

/** The instance of a component drawn inside a rendered chart (e.g. the ngx-charts chart), if there is one. */
export function childComponent<C>(fixture: ComponentFixture<unknown>, type: Type<C>): C | null {
  const found: unknown = fixture.debugElement.query(By.directive(type))?.componentInstance;
  return found instanceof type ? found : null;
}
