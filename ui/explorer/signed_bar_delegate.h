#pragma once
// Draws a signed value in [−1, 1] (read from the item's `role`) as a bar from the middle of the cell: right and
// blue for positive, left and red for negative — the ends of the red–white–blue scale the other views use.
#include <QStyledItemDelegate>

namespace lstm {

class SignedBarDelegate : public QStyledItemDelegate {
public:
  SignedBarDelegate(int role, QObject *parent) : QStyledItemDelegate(parent), m_role(role) {}
  void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
  int m_role;
};

} // namespace lstm
