declare namespace App {
  interface Locals {
    /**
     * The plan whose MDX is being rendered. The plan page sets it before rendering the MDX; the MDX components
     * (src/components/mdx/) receive only ids and look everything else up here, which keeps the MDX lean.
     */
    plan?: import('../lib/model/plan').Plan;
  }
}
