#pragma once
// What the explorer's views look at: the inspected step (the cursor), the selected layer, unit and quantity, and
// the units the unit-trace view plots. Plain state with its rules; ExplorerSession changes it and announces every
// change (cursorChanged, selectionChanged), so views read it through the session.
#include "explore/trace.h"

#include <vector>

namespace lstm {

class ExplorerFocus {
public:
  int cursor() const { return m_cursor; } // −1 when there are no steps
  int layer() const { return m_layer; }
  int unit() const { return m_unit; }
  Quantity quantity() const { return m_quantity; }
  const std::vector<int> &tracedUnits() const { return m_tracedUnits; } // of the selected layer, in the order added

  // Starts over for a network of `layers` × `units`: no step, layer 0, unit 0 selected and traced.
  void reset(int layers, int units);

  // Each of these returns true when something changed.
  bool setCursor(int step, int steps);  // clamped into the steps taken; −1 when there are none
  void placeCursor(int step) { m_cursor = step; } // where stepping left it; precondition: −1 ≤ step < steps
  bool selectUnit(int layer, int unit); // also traces the unit; another layer starts a new list of traced units
  bool selectLayer(int layer);          // traces only the selected unit there
  bool selectQuantity(Quantity quantity);
  bool addTracedUnit(int unit);
  bool removeTracedUnit(int unit);

private:
  int m_layers = 0, m_units = 0;
  int m_cursor = -1;
  int m_layer = 0, m_unit = 0;
  Quantity m_quantity = Quantity::Cell;
  std::vector<int> m_tracedUnits;
};

} // namespace lstm
