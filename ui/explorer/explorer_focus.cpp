#include "explorer_focus.h"

#include <algorithm>

namespace lstm {

void ExplorerFocus::reset(int layers, int units) {
  m_layers = layers;
  m_units = units;
  m_cursor = -1;
  m_layer = 0;
  m_unit = 0;
  m_tracedUnits = {0};
}

bool ExplorerFocus::setCursor(int step, int steps) {
  const int clamped = std::clamp(step, steps > 0 ? 0 : -1, steps - 1);
  if (clamped == m_cursor)
    return false;
  m_cursor = clamped;
  return true;
}

bool ExplorerFocus::selectUnit(int layer, int unit) {
  if (layer < 0 || layer >= m_layers || unit < 0 || unit >= m_units)
    return false;
  if (layer != m_layer)
    m_tracedUnits.clear();
  m_layer = layer;
  m_unit = unit;
  if (std::find(m_tracedUnits.begin(), m_tracedUnits.end(), unit) == m_tracedUnits.end())
    m_tracedUnits.push_back(unit);
  return true;
}

bool ExplorerFocus::selectLayer(int layer) {
  if (layer < 0 || layer >= m_layers || layer == m_layer)
    return false;
  m_layer = layer;
  m_tracedUnits = {m_unit};
  return true;
}

bool ExplorerFocus::selectQuantity(Quantity quantity) {
  if (quantity == m_quantity)
    return false;
  m_quantity = quantity;
  return true;
}

bool ExplorerFocus::addTracedUnit(int unit) {
  if (unit < 0 || unit >= m_units || std::find(m_tracedUnits.begin(), m_tracedUnits.end(), unit) != m_tracedUnits.end())
    return false;
  m_tracedUnits.push_back(unit);
  return true;
}

bool ExplorerFocus::removeTracedUnit(int unit) {
  const auto it = std::find(m_tracedUnits.begin(), m_tracedUnits.end(), unit);
  if (it == m_tracedUnits.end())
    return false;
  m_tracedUnits.erase(it);
  return true;
}

} // namespace lstm
