/** The visual network designer (view, view model, undoable commands). Filled in by the designer issue. */
package io.neuralworkbench.designer;
