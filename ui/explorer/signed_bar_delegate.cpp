#include "signed_bar_delegate.h"

#include "common/quantity_style.h"

#include <QPainter>

#include <cmath>

namespace lstm {

void SignedBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const {
  QStyleOptionViewItem background(option);
  initStyleOption(&background, index);
  background.text.clear();
  option.widget->style()->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
  const double r = index.data(m_role).toDouble();
  const QRect area = option.rect.adjusted(3, 4, -3, -4);
  const int middle = area.center().x();
  const int length = int(std::lround(std::abs(r) * area.width() / 2.0));
  const QRect bar = QRect(middle, area.top(), r >= 0 ? length : -length, area.height()).normalized();
  painter->fillRect(bar, quantityColor(Quantity::Hidden, r >= 0 ? 1.0 : -1.0));
  painter->setPen(QColor(150, 150, 150));
  painter->drawLine(middle, option.rect.top() + 2, middle, option.rect.bottom() - 2);
}

} // namespace lstm
