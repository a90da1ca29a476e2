import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';

/** Every Cytoscape extension the page uses, registered once, here and nowhere else. */
let registered = false;

export function registerExtensions(): typeof cytoscape {
  if (!registered) {
    cytoscape.use(fcose);
    cytoscape.use(dagre);
    cytoscape.use(svg);
    registered = true;
  }
  return cytoscape;
}
