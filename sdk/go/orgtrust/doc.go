// Declarative, safe AWS Organizations trusted-access integrations: trusted service access, delegated administrators and the services built on them, created and destroyed in the order AWS requires.
package orgtrust
