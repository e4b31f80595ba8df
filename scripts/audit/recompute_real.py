#!/usr/bin/python3
"""Independent audit: recompute every arithmetic relation in the real Shanghai
budget (部门/单位预算, 9 tables) and 部门决算 (财政部 9 tables) documents in
/work/shared/real/text and report every disagreement.

Standalone: standard library only (decimal, re, subprocess for pdftotext).
Never uses binary floating point for money.

Usage:
    /usr/bin/python3 recompute_real.py [--out FILE.md] [--no-pdf] [--no-notes] [--trace]
      --out FILE.md  also write the report to FILE.md (it is always printed on stdout)
      --no-pdf       skip the pdftotext corroboration of ERROR rows
      --no-notes     omit the auditor's hand-written verdict (AUDITOR_NOTES) from the report
      --trace        append every relation recomputed, per document
    AUDIT_TEXT_DIR / AUDIT_PDF_DIR override the input folders (used to test the checker on mutated copies).

Rounding rule (DESIGN.md §5):
  * 元 printed as whole numbers are rounded from 分: quantum 1 元.
  * 元 printed with 2 decimals are exact (quantum 0).
  * 万元 (2 decimals) have quantum 0.01 万元; a 万元 figure printed with fewer
    decimals (Excel "General": 6.4, 25, 0) is read at the same quantum 0.01.
  * A sum is consistent with its total iff 2*|total - sum| <= sum of the quanta
    of the total and of every printed addend (this is 2|d| <= (n+1)q when all
    quanta are equal).  Inside but != 0: 尾差 (tolerated).  Outside: ERROR.
  * The same figure printed in two places must be equal exactly; when the two
    printings have different precision (whole 元 vs 分) the finer one is
    rounded half-up to the coarser: equal -> "precision" note, else ERROR.
  * A blank cell is an exact zero.
"""

import os
import re
import subprocess
import sys
from collections import Counter, OrderedDict
from decimal import Decimal, ROUND_HALF_UP

TEXT_DIR = os.environ.get('AUDIT_TEXT_DIR', '/work/shared/real/text')
PDF_DIR = os.environ.get('AUDIT_PDF_DIR', '/work/shared/real/pdf')

BUDGET_DOCS = [
    'shanghai-putuo-wanlijd-2023', 'shanghai-putuo-wanlijd-2024', 'shanghai-putuo-wanlijd-2025',
    'shanghai-putuo-sfj-2026', 'shanghai-putuo-sfj-unit-2026',
    'shanghai-putuo-swj-2025', 'shanghai-putuo-swj-unit-2025',
    'shanghai-putuo-czj-2025',
    'shanghai-putuo-zfb-2025', 'shanghai-putuo-zfb-unit-2025',
    'shanghai-putuo-flyuan-unit-2024',
    'shanghai-shiji-czj-unit-2025',
]
FINAL_DOCS = [
    'shanghai-putuo-czj-2024-juesuan',
    'shanghai-putuo-ghzyj-2024-juesuan',
    'shanghai-putuo-shgzb-2024-juesuan',
]
PLANTED_DOC = 'shanghai-putuo-czj-2024-juesuan-PLANTED'
PLANTED_ORIGINAL = 'shanghai-putuo-czj-2024-juesuan'

ZERO = Decimal(0)
WAN = Decimal(10000)

# --------------------------------------------------------------------------
# function classes (支出功能分类 类)
CLASS_NAMES = OrderedDict([
    ('201', '一般公共服务支出'), ('202', '外交支出'), ('203', '国防支出'), ('204', '公共安全支出'),
    ('205', '教育支出'), ('206', '科学技术支出'), ('207', '文化旅游体育与传媒支出'),
    ('208', '社会保障和就业支出'), ('209', '社会保险基金支出'), ('210', '卫生健康支出'),
    ('211', '节能环保支出'), ('212', '城乡社区支出'), ('213', '农林水支出'), ('214', '交通运输支出'),
    ('215', '资源勘探工业信息等支出'), ('216', '商业服务业等支出'), ('217', '金融支出'),
    ('219', '援助其他地区支出'), ('220', '自然资源海洋气象等支出'), ('221', '住房保障支出'),
    ('222', '粮油物资储备支出'), ('223', '国有资本经营预算支出'), ('224', '灾害防治及应急管理支出'),
    ('227', '预备费'), ('229', '其他支出'), ('230', '转移性支出'), ('231', '债务还本支出'),
    ('232', '债务付息支出'), ('233', '债务发行费用支出'), ('234', '抗疫特别国债安排的支出'),
])
CLASS_ALIASES = {'医疗卫生与计划生育支出': '210', '城乡社区事务支出': '212'}
NAME_TO_CLASS = {v: k for k, v in CLASS_NAMES.items()}
NAME_TO_CLASS.update(CLASS_ALIASES)

# --------------------------------------------------------------------------
# table kinds
B_TABLES = OrderedDict([
    ('szzb', '财务收支预算总表'),
    ('srzb', '收入预算总表'),
    ('zczb', '支出预算总表'),
    ('czbk', '财政拨款收支预算总表'),
    ('ybgg', '一般公共预算支出功能分类预算表'),
    ('zfjj', '政府性基金预算支出功能分类预算表'),
    ('gyzb', '国有资本经营预算支出功能分类预算表'),
    ('jjfl', '一般公共预算基本支出部门预算经济分类预算表'),
    ('sg', '“三公”经费和机关运行经费预算表'),
])
J_TABLES = OrderedDict([
    ('j_zb', '收入支出决算总表'),
    ('j_sr', '收入决算表'),
    ('j_zc', '支出决算表'),
    ('j_czbk', '财政拨款收入支出决算总表'),
    ('j_yb', '一般公共预算财政拨款支出决算表'),
    ('j_jb', '一般公共预算财政拨款基本支出决算表'),
    ('j_sg', '财政拨款“三公”经费支出决算表'),
    ('j_jj', '政府性基金预算财政拨款收入支出决算表'),
    ('j_gy', '国有资本经营预算财政拨款收入支出决算表'),
])
TABLE_TITLES = dict(B_TABLES)
TABLE_TITLES.update(J_TABLES)

COLS = {
    'srzb': ['合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入'],
    'zczb': ['合计', '基本支出', '项目支出'],
    'ybgg': ['合计', '基本支出', '项目支出'],
    'zfjj': ['合计', '基本支出', '项目支出'],
    'gyzb': ['合计', '基本支出', '项目支出'],
    'jjfl': ['合计', '人员经费', '公用经费'],
    'j_sr': ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
    'j_zc': ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
    'j_yb': ['合计', '基本支出', '项目支出'],
    'j_jj': ['年初结转和结余', '本年收入', '本年支出小计', '基本支出', '项目支出', '年末结转和结余'],
    'j_gy': ['年初结转和结余', '本年收入', '本年支出小计', '基本支出', '项目支出', '年末结转和结余'],
    'sg': ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费小计', '公务用车购置费',
           '公务用车运行费', '机关运行经费'],
    'j_sg': [n + ' ' + p for n in ('合计', '因公出国(境)费', '公务用车购置及运行费小计', '公务用车购置费',
                                   '公务用车运行费', '公务接待费') for p in ('预算数', '决算数')],
}
CODED_FUNC = {'srzb', 'zczb', 'ybgg', 'zfjj', 'gyzb', 'j_sr', 'j_zc', 'j_yb', 'j_jj', 'j_gy'}

HEADER_WORDS = {'类', '款', '项', '项目', '科目名称', '功能分类科目名称', '经济分类科目名称', '部门经济分类科目名称',
                '功能分类科目编码', '支出功能分类', '科目编码', '功能分类', '合计', '本年收入合计', '本年支出合计',
                '基本支出', '项目支出', '部门预算经济分类科目编码', '经济分类科目编码', '经济分类'}

NUM_RE = re.compile(r'^-?\d[\d,]*(\.\d+)?$')


def norm(s):
    return re.sub(r'[\s\u3000]+', '', s or '')


def strip_numbering(label):
    s = norm(label)
    s = re.sub(r'^[（(][一二三四五六七八九十]+[)）]', '', s)
    s = re.sub(r'^[一二三四五六七八九十]+[、.．]', '', s)
    s = re.sub(r'^\d+[、.．]', '', s)
    return s


def fmt(d):
    """format a Decimal with thousands separators, keeping its exponent."""
    if d is None:
        return '(blank)'
    sign = '-' if d < 0 else ''
    d = abs(d)
    s = format(d, 'f')
    if '.' in s:
        ip, fp = s.split('.')
    else:
        ip, fp = s, ''
    ip = '{:,}'.format(int(ip))
    return sign + ip + ('.' + fp if fp else '')


def dfmt(d):
    if d is None:
        return ''
    s = fmt(d)
    return ('+' + s) if d > 0 else s


# --------------------------------------------------------------------------
class Amt(object):
    __slots__ = ('value', 'text', 'dec', 'q', 'line', 'unit')

    def __init__(self, text, line, unit):
        t = text.replace(',', '')
        self.text = text
        self.value = Decimal(t)
        self.dec = len(t.split('.')[1]) if '.' in t else 0
        self.unit = unit
        if unit == '万元':
            self.q = Decimal('0.01') if self.dec <= 2 else Decimal(1).scaleb(-self.dec)
        else:  # 元
            self.q = Decimal(1) if self.dec == 0 else ZERO
        self.line = line


def is_num(c):
    return bool(NUM_RE.match(c.strip())) if c is not None else False


def val(a):
    return a.value if a is not None else ZERO


def qof(a):
    return a.q if a is not None else ZERO


def ptxt(a):
    return a.text if a is not None else '(blank)'


# --------------------------------------------------------------------------
class Doc(object):
    def __init__(self, name, kind):
        self.checks = Counter()
        self.trace = []               # every relation recomputed (for --trace)
        self.fragments = OrderedDict()  # table -> wrapped name fragments (conversion artefact)
        self.name = name
        self.kind = kind  # 'budget' | 'final'
        with open(os.path.join(TEXT_DIR, name + '.txt'), encoding='utf-8') as f:
            self.lines = f.read().split('\n')
        self.tables = OrderedDict()   # key -> Table
        self.findings = []            # dicts
        self.artefacts = []           # strings
        self.defects = []             # publisher defects that are not arithmetic (codes, names)
        self.notes = []
        self.precision = []           # (table, column, Counter of decimals)
        self.amts = []                # every parsed amount (table key, col, Amt)
        self.pdf_lines = None


class Table(object):
    def __init__(self, key, title_line, unit):
        self.key = key
        self.title_line = title_line
        self.unit = unit
        self.raw = []         # (lineno, cells)
        self.rows = []        # coded rows: dict(code, level, name, vals, line)
        self.total = None     # total row dict
        self.side = {}        # two-sided: label-key -> dict
        self.extra = {}


# --------------------------------------------------------------------------
def find_tables(doc):
    titles = TABLE_TITLES
    L = doc.lines
    starts = []
    for i, raw in enumerate(L):
        if '\t' in raw:
            continue
        s = norm(raw)
        if not s:
            continue
        key = None
        for k, t in titles.items():
            tt = norm(t)
            if k in ('j_zb', 'j_sr', 'j_zc'):
                if s == tt:
                    key = k
            elif k == 'sg':
                if s.endswith('“三公”经费和机关运行经费预算表'):
                    key = k
            elif s.endswith(tt):
                # avoid 收入预算总表 matching inside 财政拨款... (different strings anyway)
                if k == 'srzb' and s.endswith('财政拨款收支预算总表'):
                    continue
                key = k
            if key:
                break
        if key is None:
            continue
        # must be followed by a 单位 line within 3 lines
        unit = None
        for j in range(i + 1, min(i + 4, len(L))):
            m = re.match(r'^\s*单位\s*[:：]\s*(万元|元)', L[j])
            if m:
                unit = m.group(1)
                break
        if unit is None:
            continue
        starts.append((i, key, unit))
    for n, (i, key, unit) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(L)
        t = Table(key, i + 1, unit)
        for j in range(i + 1, end):
            raw = L[j]
            s = norm(raw)
            if '\t' not in raw:
                if (s.startswith('注') or '情况说明' in s or s.startswith('第三部分') or s.startswith('说明')
                        or '绩效目标' in s):
                    break
                # row labels without any amount (e.g. "二、事业收入") are kept as 1-cell rows
                if s and len(s) <= 20:
                    t.raw.append((j + 1, [raw.strip()]))
                continue
            cells = [c.strip() for c in raw.split('\t')]
            t.raw.append((j + 1, cells))
        if key in doc.tables:
            doc.notes.append('table %s found twice (lines %d and %d); the first is used'
                             % (TABLE_TITLES[key], doc.tables[key].title_line, t.title_line))
            continue
        doc.tables[key] = t


# --------------------------------------------------------------------------
def add_amt(doc, t, col, a):
    if a is not None:
        doc.amts.append((t.key, col, a))


def parse_coded(doc, t, econ=False):
    """Coded tree tables.  Function: 类|款|项|名称|amounts or code|名称|amounts.
    Economic (budget jjfl): 类|款|名称|amounts."""
    cols = COLS[t.key]
    ncols = len(cols)
    split = None
    cur_lei = None
    cur_kuan = None
    pending = None  # amounts carried by a header line (conversion artefact)
    header_count = 0
    prev_was_data = False
    data_since_header = True   # a header block starts at the first header line and after data rows
    for lineno, cells in t.raw:
        if len(cells) == 1 and not is_num(cells[0]):
            continue
        c0 = cells[0] if cells else ''
        # header lines
        is_header = any(c in ('类', '款', '项') for c in cells[:3]) or any(
            norm(c) in ('功能分类科目名称', '经济分类科目名称', '部门经济分类科目名称', '科目名称') for c in cells)
        amounts_idx = [i for i, c in enumerate(cells) if is_num(c) and i >= (2 if econ else 3 if split is not False else 2)]
        if is_header:
            if data_since_header:
                t.extra.setdefault('header_block_lines', []).append(lineno)
                data_since_header = False
            # "类|款|项|合计|..." (header merged with the 合计 row) or header carrying amounts
            name_i = None
            for i, c in enumerate(cells):
                if norm(c) == '合计' and i <= 3:
                    name_i = i
            nums = [(i, c) for i, c in enumerate(cells) if is_num(c)]
            if nums and name_i is not None:
                vals = [None] * ncols
                for i, c in nums:
                    k = i - name_i - 1
                    if 0 <= k < ncols:
                        vals[k] = Amt(c, lineno, t.unit)
                row = dict(code=None, level=0, name='合计', vals=vals, line=lineno)
                t.total = row
                doc.artefacts.append('%s, line %d: the header line "%s" carries the 合计 row (header and 合计 '
                                     'row merged into one text line); read as the 合计 row'
                                     % (TABLE_TITLES[t.key], lineno, ' | '.join(cells)))
            elif nums:
                # amounts on a header line: they belong to the next 合计 row (layout of the PDF)
                name_pos = 1 if split is False else (2 if econ else 3)
                pending = (lineno, {i - name_pos - 1: c for i, c in nums})
            prev_was_data = False
            continue
        # decide split/joined
        if split is None:
            if econ:
                split = True
            elif len(cells) >= 4 and re.match(r'^\d{1,3}$', c0 or 'x') and not is_num(cells[3] if len(cells) > 3 else '') \
                    and re.match(r'^\d{0,2}$', cells[1]) and re.match(r'^\d{0,2}$', cells[2]):
                split = True
            elif re.match(r'^\d{3}(\d{2}){0,2}$', c0 or 'x') and len(cells) > 1 and not is_num(cells[1]):
                split = False
            elif c0 == '' and len(cells) > 3 and norm(cells[3]) == '合计':
                split = True
            elif c0 == '' and len(cells) > 1 and norm(cells[1]) == '合计':
                split = False
        if split is None:
            continue
        if econ:
            code_cells, name_i = cells[:2], 2
        elif split:
            code_cells, name_i = cells[:3], 3
        else:
            code_cells, name_i = cells[:1], 1
        while len(code_cells) < (2 if econ else 3 if split else 1):
            code_cells.append('')
        name = cells[name_i] if len(cells) > name_i else ''
        amt_cells = cells[name_i + 1:]
        if not all(re.match(r'^\d{0,7}$', x) for x in code_cells):
            continue  # header / title fragment (e.g. repeated header after a page break)
        if any(norm(c) in HEADER_WORDS for c in amt_cells):
            header_count += 1
            continue  # a header line (sub-headers such as 合计/基本支出/项目支出)
        has_amt = any(is_num(c) for c in amt_cells)
        is_total = norm(name) == '合计' and all(c == '' for c in code_cells)
        if all(c == '' for c in code_cells) and not is_total:
            if not has_amt and name and norm(name) not in HEADER_WORDS and prev_was_data:
                doc.fragments.setdefault(TABLE_TITLES[t.key], []).append('l.%d "%s"' % (lineno, name))
            continue
        vals = [None] * ncols
        for k, c in enumerate(amt_cells[:ncols]):
            if c != '':
                if is_num(c):
                    vals[k] = Amt(c, lineno, t.unit)
                else:
                    doc.notes.append('%s line %d: non-numeric amount cell "%s" ignored' % (TABLE_TITLES[t.key], lineno, c))
        if len(amt_cells) > ncols and any(c for c in amt_cells[ncols:]):
            doc.notes.append('%s line %d: extra cells beyond the %d amount columns: %s'
                             % (TABLE_TITLES[t.key], lineno, ncols, amt_cells[ncols:]))
        if is_total:
            if pending is not None:
                pl, pv = pending
                filled = []
                for k, c in pv.items():
                    if 0 <= k < ncols and vals[k] is None:
                        vals[k] = Amt(c, pl, t.unit)
                        filled.append('%s=%s' % (cols[k], c))
                doc.artefacts.append('%s, line %d/%d: the 合计 row\'s %s sit on the header line above '
                                     '(text conversion); merged into the 合计 row'
                                     % (TABLE_TITLES[t.key], pl, lineno, ', '.join(filled)))
                pending = None
            row = dict(code=None, level=0, name='合计', vals=vals, line=lineno)
            t.total = row
            prev_was_data = True
            data_since_header = True
            continue
        # coded row
        if econ or split:
            a, b = code_cells[0], code_cells[1]
            c = code_cells[2] if not econ else ''
            raw_code = '|'.join(x for x in code_cells if x != '')
            if not re.match(r'^\d{3}$', a):
                if cur_lei and (b or c):
                    doc.defects.append('%s, line %d: 类 code printed as "%s" in row "%s %s" (should be %s); '
                                       'read as %s'
                                       % (TABLE_TITLES[t.key], lineno, a, ' '.join(code_cells), name, cur_lei, cur_lei))
                    a = cur_lei
                else:
                    doc.notes.append('%s line %d: unreadable code %s' % (TABLE_TITLES[t.key], lineno, code_cells))
                    continue
            for part_name, part in (('款', b), ('项', c)):
                if part and len(part) == 1:
                    doc.defects.append('%s, line %d: %s code printed as one digit "%s" in row "%s %s" '
                                       '(read as "0%s")' % (TABLE_TITLES[t.key], lineno, part_name, part,
                                                           ' '.join(code_cells), name, part))
            b = b.zfill(2) if b else ''
            c = c.zfill(2) if c else ''
            if c and not b:
                doc.notes.append('%s line %d: 项 without 款 %s' % (TABLE_TITLES[t.key], lineno, code_cells))
                continue
            code = a + b + c
        else:
            code = code_cells[0]
            if not re.match(r'^\d{3}(\d{2}){0,2}$', code):
                doc.notes.append('%s line %d: unreadable code %s' % (TABLE_TITLES[t.key], lineno, code))
                continue
        level = {3: 1, 5: 2, 7: 3}[len(code)]
        if level == 1:
            cur_lei = code
        row = dict(code=code, level=level, name=name, vals=vals, line=lineno)
        t.rows.append(row)
        prev_was_data = True
        data_since_header = True
    # repeated headers (page breaks)
    t.extra['header_lines'] = header_count
    for row in t.rows + ([t.total] if t.total else []):
        for k, a in enumerate(row['vals']):
            add_amt(doc, t, cols[k], a)


# --------------------------------------------------------------------------
def parse_two_sided(doc, t, right_cols):
    """收支总表 style.  left: label | amount ; right: label | amounts..."""
    left = OrderedDict()
    right = OrderedDict()
    order_left = []
    for lineno, cells in t.raw:
        c = cells + [''] * (3 + len(right_cols) - len(cells))
        ll, la = c[0], c[1]
        rl, ra = c[2], c[3:3 + len(right_cols)]
        if ll and not is_num(ll):
            key = norm(ll)
            a = Amt(la, lineno, t.unit) if is_num(la) else None
            if la and not is_num(la):
                pass
            order_left.append((key, a, lineno, ll))
        if rl and not is_num(rl):
            key = norm(rl)
            vals = [Amt(x, lineno, t.unit) if is_num(x) else None for x in ra]
            right[key] = dict(label=rl, vals=vals, line=lineno)
    t.extra['left_order'] = order_left
    for key, a, lineno, label in order_left:
        left.setdefault(key, []).append(dict(label=label, amt=a, line=lineno))
    t.side = dict(left=left, right=right)
    for key, lst in left.items():
        for e in lst:
            add_amt(doc, t, '收入/' + e['label'], e['amt'])
    for key, e in right.items():
        for k, a in enumerate(e['vals']):
            add_amt(doc, t, right_cols[k], a)


def parse_budget_szzb(doc, t):
    # unit version has 合计/人员经费/公用经费/项目支出 on the right
    unit_version = any('人员经费' in ''.join(cells) for _, cells in t.raw)
    t.extra['unit_version'] = unit_version
    right_cols = ['合计', '人员经费', '公用经费', '项目支出'] if unit_version else ['合计']
    t.extra['right_cols'] = right_cols
    parse_two_sided(doc, t, right_cols)


def parse_single_row(doc, t, ncols):
    """三公 tables: the data row is the first line whose non-empty cells are all numbers."""
    for lineno, cells in t.raw:
        ne = [c for c in cells if c != '']
        if ne and all(is_num(c) for c in ne):
            vals = [Amt(c, lineno, t.unit) if is_num(c) else None for c in (cells + [''] * ncols)[:ncols]]
            if len(cells) > ncols and any(cells[ncols:]):
                doc.notes.append('%s line %d: more cells than expected' % (TABLE_TITLES[t.key], lineno))
            t.extra['data'] = dict(vals=vals, line=lineno)
            for k, a in enumerate(vals):
                add_amt(doc, t, COLS[t.key][k], a)
            return
    t.extra['data'] = None


def parse_jb(doc, t):
    """决算 基本支出决算表: economic items, left (人员经费) and right (公用经费) halves."""
    split = any(c in ('类', '款') for _, cells in t.raw for c in cells)
    width = 4 if split else 3
    sides = {'L': [], 'R': []}
    totals = {}
    for lineno, cells in t.raw:
        if len(cells) == 1:
            continue
        if any(c in ('类', '款') for c in cells) or any('科目编码' in c or c == '经济分类' for c in cells):
            if any('科目名称' in c for c in cells):
                t.extra.setdefault('header_block_lines', []).append(lineno)
            continue
        c = cells + [''] * (2 * width - len(cells))
        for side, part in (('L', c[:width]), ('R', c[width:2 * width])):
            if split:
                lei, kuan, name, amt = part
                if kuan and len(kuan) == 1:
                    doc.defects.append('%s line %d: 款 code "%s" printed as one digit' % (TABLE_TITLES[t.key], lineno, kuan))
                code = (lei + kuan.zfill(2)) if (lei and kuan) else lei
            else:
                code, name, amt = part
            if norm(name) in ('人员经费合计', '公用经费合计'):
                totals[norm(name)] = dict(amt=Amt(amt, lineno, t.unit) if is_num(amt) else None, line=lineno)
                continue
            if not code:
                continue
            if not re.match(r'^\d{3}(\d{2})?$', code):
                doc.notes.append('%s line %d: unreadable economic code %r' % (TABLE_TITLES[t.key], lineno, code))
                continue
            a = Amt(amt, lineno, t.unit) if is_num(amt) else None
            sides[side].append(dict(code=code, level=1 if len(code) == 3 else 2, name=name,
                                    vals=[a], line=lineno))
    t.extra['sides'] = sides
    t.extra['totals'] = totals
    for side in sides.values():
        for r in side:
            add_amt(doc, t, '决算数', r['vals'][0])
    for k, e in totals.items():
        add_amt(doc, t, k, e['amt'])


def parse_doc(doc):
    find_tables(doc)
    for key, t in doc.tables.items():
        if key in CODED_FUNC:
            parse_coded(doc, t)
        elif key == 'jjfl':
            parse_coded(doc, t, econ=True)
        elif key == 'szzb':
            parse_budget_szzb(doc, t)
        elif key == 'czbk':
            t.extra['right_cols'] = ['合计', '一般公共预算', '政府性基金预算', '国有资本经营预算']
            parse_two_sided(doc, t, t.extra['right_cols'])
        elif key == 'j_zb':
            t.extra['right_cols'] = ['决算数']
            parse_two_sided(doc, t, ['决算数'])
        elif key == 'j_czbk':
            t.extra['right_cols'] = ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款']
            parse_two_sided(doc, t, t.extra['right_cols'])
        elif key == 'sg':
            parse_single_row(doc, t, len(COLS['sg']))
        elif key == 'j_sg':
            parse_single_row(doc, t, 12)
        elif key == 'j_jb':
            parse_jb(doc, t)


# --------------------------------------------------------------------------
# findings
def add_finding(doc, level, table, row, col, printed, recomputed, relation, lines, detail=''):
    doc.findings.append(dict(level=level, table=table, row=row, col=col, printed=printed,
                             recomputed=recomputed, relation=relation, lines=sorted(set(l for l in lines if l)),
                             detail=detail))


def check_sum(doc, table, row, col, total, addends, relation, extra_lines=()):
    """total: Amt|None ; addends: list of (sign, Amt|None)."""
    if total is None and all(a is None for _, a in addends):
        return
    doc.checks['sum'] += 1
    doc.trace.append(('sum', table, row, col, relation))
    nonzero = [(sg, a) for sg, a in addends if a is not None and a.value != 0]
    if total is not None and len(nonzero) == 1 and nonzero[0][0] == 1:
        # a single contributor (the other parts blank or printed as zero): the total is the same
        # figure as that part, so it must be printed identically (no rounding slack).
        doc.checks['sum'] -= 1
        check_eq(doc, table, row, col, total, nonzero[0][1], relation + ' [single non-zero part: same figure]')
        return
    s = sum((sg * val(a) for sg, a in addends), ZERO)
    d = val(total) - s
    tol2 = qof(total) + sum((qof(a) for _, a in addends), ZERO)
    lines = [total.line if total else None] + [a.line for _, a in addends if a] + list(extra_lines)
    n = sum(1 for _, a in addends if a is not None)
    if d == 0:
        return
    level = 'TAIL' if 2 * abs(d) <= tol2 else 'ERROR'
    add_finding(doc, level, table, row, col, total.value if total else None, s, relation, lines,
                detail='n=%d printed addends, tolerance ±%s' % (n, fmt(tol2 / 2)))


def check_eq(doc, table, row, col, a, b, relation):
    """the same figure printed twice (a in `table`, b in `other_table`)."""
    if a is None and b is None:
        return
    doc.checks['equal'] += 1
    doc.trace.append(('equal', table, row, col, relation))
    va, vb = val(a), val(b)
    qa, qb = qof(a), qof(b)
    lines = [x.line for x in (a, b) if x is not None]
    if va == vb:
        return
    if qa != qb:
        coarse = max(qa, qb)
        fine_v, coarse_v = (va, vb) if qa < qb else (vb, va)
        rounded = fine_v.quantize(coarse, rounding=ROUND_HALF_UP) if coarse > 0 else fine_v
        if rounded == coarse_v:
            add_finding(doc, 'PRECISION', table, row, col, va, vb, relation, lines,
                        detail='printed at different precision (%s vs %s); rounding agrees'
                        % (ptxt(a), ptxt(b)))
            return
    add_finding(doc, 'ERROR', table, row, col, va if a is not None else None, vb if b is not None else None,
                relation, lines, detail='same figure, must be equal')


def check_le(doc, table, row, col, small, big, relation, level='ERROR', scale_small=Decimal(1)):
    """small <= big within rounding.  small may be scaled (元 -> 万元)."""
    if small is None:
        return
    doc.checks['le'] += 1
    doc.trace.append(('le', table, row, col, relation))
    vs = val(small) * scale_small
    vb = val(big)
    qs = qof(small) * scale_small
    tol = (qs + qof(big)) / 2
    lines = [x.line for x in (small, big) if x is not None]
    if vs <= vb + tol:
        return
    add_finding(doc, level, table, row, col, val(small), vb, relation, lines,
                detail='expected ≤ (compared as %s vs %s)' % (fmt(vs), fmt(vb)))


# --------------------------------------------------------------------------
def tname(key):
    return TABLE_TITLES[key]


def rowname(r):
    if r is None:
        return '?'
    if r.get('code') is None:
        return '合计'
    c = r['code']
    if len(c) == 3:
        cs = c
    elif len(c) == 5:
        cs = c[:3] + ' ' + c[3:]
    else:
        cs = c[:3] + ' ' + c[3:5] + ' ' + c[5:]
    return '%s %s' % (cs, r['name'])


def check_coded_table(doc, t, row_rules):
    """row_rules: list of (total_col, [(sign, col), ...], description).  Also tree sums."""
    cols = COLS.get(t.key)
    title = tname(t.key)
    rows = t.rows + ([t.total] if t.total else [])
    seen = {}
    for r in t.rows:
        if r['code'] in seen:
            doc.notes.append('%s: code %s printed twice (lines %d and %d)' % (title, r['code'], seen[r['code']], r['line']))
        seen.setdefault(r['code'], r['line'])
    # row rules
    for r in rows:
        for tc, parts, desc in row_rules:
            ti = cols.index(tc)
            addends = [(sg, r['vals'][cols.index(c)]) for sg, c in parts]
            check_sum(doc, title, rowname(r), tc, r['vals'][ti], addends, desc)
    # tree sums
    bycode = OrderedDict((r['code'], r) for r in t.rows)
    for r in t.rows:
        if r['level'] == 3:
            continue
        clen = 5 if r['level'] == 1 else 7
        children = [c for c in t.rows if len(c['code']) == clen and c['code'].startswith(r['code'])]
        if not children:
            if r['level'] == 1 or (r['level'] == 2 and t.key != 'jjfl' and t.key != 'j_jb'):
                # a 类 without 款 or a 款 without 项 in a function tree is itself a defect only if others have them
                pass
            continue
        lvl = '类 = Σ款' if r['level'] == 1 else '款 = Σ项'
        for k, c in enumerate(cols):
            check_sum(doc, title, rowname(r), c, r['vals'][k], [(1, ch['vals'][k]) for ch in children],
                      '%s (%s)' % (lvl, ', '.join(ch['code'] for ch in children)))
    # orphan rows (a 项 whose 款 is missing, a 款 whose 类 is missing)
    for r in t.rows:
        if r['level'] >= 2:
            parent = r['code'][:3] if r['level'] == 2 else r['code'][:5]
            if parent not in bycode:
                doc.notes.append('%s: row %s has no parent row %s' % (title, rowname(r), parent))
    # total = Σ类
    if t.total is not None:
        classes = [r for r in t.rows if r['level'] == 1]
        for k, c in enumerate(cols):
            check_sum(doc, title, '合计', c, t.total['vals'][k], [(1, r['vals'][k]) for r in classes],
                      '合计 = Σ类 (%s)' % ', '.join(r['code'] for r in classes))
    elif t.rows:
        doc.notes.append('%s: no 合计 row found' % title)


def class_rows(t):
    return OrderedDict((r['code'], r) for r in t.rows if r['level'] == 1) if t else OrderedDict()


def code_rows(t):
    return OrderedDict((r['code'], r) for r in t.rows) if t else OrderedDict()


def right_classes(t):
    """two-sided table: right-hand rows that are function classes -> {code: entry}"""
    out = OrderedDict()
    for key, e in t.side['right'].items():
        nm = strip_numbering(e['label'])
        code = NAME_TO_CLASS.get(nm)
        if code:
            if nm in CLASS_ALIASES:
                e['alias'] = nm
            out[code] = e
    return out


def note_aliases(doc, title, classes):
    for code, e in classes.items():
        if e.get('alias'):
            doc.defects.append('%s line %d: class %s printed under the obsolete name "%s" (the coded tables call it "%s")'
                               % (title, e['line'], code, e['alias'], CLASS_NAMES[code]))


def left_get(t, *names, occurrence=0):
    """find a left-side entry whose normalized label (without numbering) is one of names."""
    for key, lst in t.side['left'].items():
        nm = strip_numbering(key)
        nm = re.sub(r'[（(].*?[)）]', '', nm)
        if nm in names and len(lst) > occurrence:
            return lst[occurrence]
    return None


def left_seq(t):
    return t.extra['left_order']


def right_get(t, *names):
    for key, e in t.side['right'].items():
        nm = strip_numbering(key)
        nm = re.sub(r'[（(].*?[)）]', '', nm)
        if nm in names:
            return e
    return None


def la(e):
    return e['amt'] if e else None


def rv(e, k=0):
    if e is None:
        return None
    v = e['vals']
    return v[k] if k < len(v) else None


# --------------------------------------------------------------------------
def check_budget(doc):
    T = doc.tables
    for k in B_TABLES:
        if k not in T:
            add_finding(doc, 'ERROR', B_TABLES[k], '-', '-', None, None, 'table missing from the document', [])
    szzb, srzb, zczb, czbk = T.get('szzb'), T.get('srzb'), T.get('zczb'), T.get('czbk')
    ybgg, zfjj, gyzb, jjfl, sg = T.get('ybgg'), T.get('zfjj'), T.get('gyzb'), T.get('jjfl'), T.get('sg')

    # ---------------- in-table: coded trees
    if srzb:
        check_coded_table(doc, srzb, [('合计', [(1, '财政拨款收入'), (1, '事业收入'), (1, '事业单位经营收入'), (1, '其他收入')],
                                       '合计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入')])
    for t in (zczb, ybgg, zfjj, gyzb):
        if t:
            check_coded_table(doc, t, [('合计', [(1, '基本支出'), (1, '项目支出')], '合计 = 基本支出 + 项目支出')])
    if jjfl:
        check_coded_table(doc, jjfl, [('合计', [(1, '人员经费'), (1, '公用经费')], '合计 = 人员经费 + 公用经费')])

    # ---------------- 财务收支预算总表
    if szzb:
        title = tname('szzb')
        rc = szzb.extra['right_cols']
        cz = left_get(szzb, '财政拨款收入')
        yb = left_get(szzb, '一般公共预算', '一般公共预算资金')
        jj = left_get(szzb, '政府性基金', '政府性基金预算')
        gy = left_get(szzb, '国有资本经营预算')
        sy = left_get(szzb, '事业收入')
        jy = left_get(szzb, '事业单位经营收入')
        qt = left_get(szzb, '其他收入')
        srzj = left_get(szzb, '收入总计')
        check_sum(doc, title, '一、财政拨款收入', '预算数', la(cz), [(1, la(yb)), (1, la(jj)), (1, la(gy))],
                  '财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营预算')
        check_sum(doc, title, '收入总计', '预算数', la(srzj), [(1, la(cz)), (1, la(sy)), (1, la(jy)), (1, la(qt))],
                  '收入总计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入')
        classes = right_classes(szzb)
        note_aliases(doc, title, classes)
        zczj = right_get(szzb, '支出总计')
        for k, c in enumerate(rc):
            check_sum(doc, title, '支出总计', c, rv(zczj, k), [(1, rv(e, k)) for e in classes.values()],
                      '支出总计 = Σ classes (%s)' % ', '.join(classes.keys()))
        check_eq(doc, title, '收入总计 vs 支出总计', '预算数', la(srzj), rv(zczj, 0), '收入总计 = 支出总计')
        if szzb.extra['unit_version']:
            for code, e in list(classes.items()) + [('支出总计', zczj)]:
                if e is None:
                    continue
                nm = rowname({'code': code, 'name': CLASS_NAMES.get(code, '')}) if code != '支出总计' else '支出总计'
                check_sum(doc, title, nm, '合计', rv(e, 0), [(1, rv(e, 1)), (1, rv(e, 2)), (1, rv(e, 3))],
                          '合计 = 人员经费 + 公用经费 + 项目支出')
        # vs 收入预算总表
        if srzb and srzb.total:
            tv = srzb.total['vals']
            for lab, e, k in (('收入总计', srzj, 0), ('财政拨款收入', cz, 1), ('事业收入', sy, 2),
                              ('事业单位经营收入', jy, 3), ('其他收入', qt, 4)):
                check_eq(doc, title, lab, '预算数', la(e), tv[k],
                         '%s = %s 合计行 %s' % (lab, tname('srzb'), COLS['srzb'][k]))
        # vs 支出预算总表
        if zczb:
            zc = class_rows(zczb)
            for code in sorted(set(classes) | set(zc)):
                e, r = classes.get(code), zc.get(code)
                nm = '%s %s' % (code, CLASS_NAMES.get(code, ''))
                check_eq(doc, title, nm, '合计', rv(e, 0), r['vals'][0] if r else None,
                         'class = %s class row 合计' % tname('zczb'))
                if szzb.extra['unit_version'] and e is not None:
                    check_sum(doc, title, nm, '人员经费+公用经费', r['vals'][1] if r else None,
                              [(1, rv(e, 1)), (1, rv(e, 2))],
                              '%s 基本支出 (printed) = 人员经费 + 公用经费 (this table)' % tname('zczb'))
                    check_eq(doc, title, nm, '项目支出', rv(e, 3), r['vals'][2] if r else None,
                             '项目支出 = %s class row 项目支出' % tname('zczb'))
            if zczb.total:
                check_eq(doc, title, '支出总计', '合计', rv(zczj, 0), zczb.total['vals'][0],
                         '支出总计 = %s 合计' % tname('zczb'))
                if szzb.extra['unit_version']:
                    check_sum(doc, title, '支出总计', '人员经费+公用经费', zczb.total['vals'][1],
                              [(1, rv(zczj, 1)), (1, rv(zczj, 2))],
                              '%s 合计 基本支出 (printed) = 人员经费 + 公用经费 (this table)' % tname('zczb'))
                    check_eq(doc, title, '支出总计', '项目支出', rv(zczj, 3), zczb.total['vals'][2],
                             '项目支出 = %s 合计 项目支出' % tname('zczb'))
        # unit: 人员经费/公用经费 vs 经济分类表 (only when all 基本支出 is 一般公共预算)
        if szzb.extra['unit_version'] and jjfl and jjfl.total and zczb and zczb.total and ybgg and ybgg.total:
            if val(zczb.total['vals'][1]).quantize(Decimal(1)) == val(ybgg.total['vals'][1]).quantize(Decimal(1)):
                check_eq(doc, title, '支出总计', '人员经费', rv(zczj, 1), jjfl.total['vals'][1],
                         '人员经费 = %s 合计 人员经费 (all 基本支出 is 一般公共预算)' % tname('jjfl'))
                check_eq(doc, title, '支出总计', '公用经费', rv(zczj, 2), jjfl.total['vals'][2],
                         '公用经费 = %s 合计 公用经费 (all 基本支出 is 一般公共预算)' % tname('jjfl'))

    # ---------------- 收入预算总表 vs 支出预算总表
    if srzb and zczb:
        a, b = code_rows(srzb), code_rows(zczb)
        for code in sorted(set(a) | set(b)):
            ra, rb = a.get(code), b.get(code)
            if ra is None or rb is None:
                add_finding(doc, 'ERROR', tname('srzb') + ' / ' + tname('zczb'), rowname(ra or rb), '合计',
                            ra['vals'][0].value if ra and ra['vals'][0] else None,
                            rb['vals'][0].value if rb and rb['vals'][0] else None,
                            'code listed in only one of the two tables', [(ra or rb)['line']])
                continue
            check_eq(doc, tname('srzb') + ' / ' + tname('zczb'), rowname(ra), '合计', ra['vals'][0], rb['vals'][0],
                     '收入预算总表 合计 = 支出预算总表 合计 (same code)')
        if srzb.total and zczb.total:
            check_eq(doc, tname('srzb') + ' / ' + tname('zczb'), '合计', '合计', srzb.total['vals'][0],
                     zczb.total['vals'][0], '收入预算总表 合计 = 支出预算总表 合计')

    # ---------------- 财政拨款收支预算总表
    if czbk:
        title = tname('czbk')
        yb = left_get(czbk, '一般公共预算', '一般公共预算资金')
        jj = left_get(czbk, '政府性基金', '政府性基金预算')
        gy = left_get(czbk, '国有资本经营预算')
        srzj = left_get(czbk, '收入总计')
        check_sum(doc, title, '收入总计', '预算数', la(srzj), [(1, la(yb)), (1, la(jj)), (1, la(gy))],
                  '收入总计 = 一般公共预算 + 政府性基金 + 国有资本经营预算')
        classes = right_classes(czbk)
        note_aliases(doc, title, classes)
        zczj = right_get(czbk, '支出总计')
        rc = czbk.extra['right_cols']
        for code, e in list(classes.items()) + [('支出总计', zczj)]:
            if e is None:
                continue
            nm = '%s %s' % (code, CLASS_NAMES.get(code, '')) if code != '支出总计' else '支出总计'
            check_sum(doc, title, nm, '合计', rv(e, 0), [(1, rv(e, 1)), (1, rv(e, 2)), (1, rv(e, 3))],
                      '合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算')
        for k, c in enumerate(rc):
            check_sum(doc, title, '支出总计', c, rv(zczj, k), [(1, rv(e, k)) for e in classes.values()],
                      '支出总计 = Σ classes (%s)' % ', '.join(classes.keys()))
        check_eq(doc, title, '收入总计 vs 支出总计', '合计', la(srzj), rv(zczj, 0), '收入总计 = 支出总计')
        for lab, e, k in (('一般公共预算', yb, 1), ('政府性基金', jj, 2), ('国有资本经营预算', gy, 3)):
            check_eq(doc, title, lab, '收入 vs 支出', la(e), rv(zczj, k),
                     '%s income = %s column 支出总计 (no carry-over rows in the Shanghai budget)' % (lab, rc[k]))
        if szzb:
            for lab, e, names in (('收入总计', srzj, ('财政拨款收入',)),
                                  ('一般公共预算', yb, ('一般公共预算', '一般公共预算资金')),
                                  ('政府性基金', jj, ('政府性基金', '政府性基金预算')),
                                  ('国有资本经营预算', gy, ('国有资本经营预算',))):
                check_eq(doc, title, lab, '预算数', la(e), la(left_get(szzb, *names)),
                         '= %s %s' % (tname('szzb'), names[0]))
        if srzb:
            sr = class_rows(srzb)
            for code in sorted(set(classes) | set(sr)):
                e, r = classes.get(code), sr.get(code)
                check_eq(doc, title, '%s %s' % (code, CLASS_NAMES.get(code, '')), '合计', rv(e, 0),
                         r['vals'][1] if r else None, 'class 合计 = %s class row 财政拨款收入' % tname('srzb'))
            if srzb.total:
                check_eq(doc, title, '支出总计', '合计', rv(zczj, 0), srzb.total['vals'][1],
                         '支出总计 = %s 合计 财政拨款收入' % tname('srzb'))
        for k, ft in ((1, ybgg), (2, zfjj), (3, gyzb)):
            if ft is None:
                continue
            fr = class_rows(ft)
            for code in sorted(set(classes) | set(fr)):
                e, r = classes.get(code), fr.get(code)
                if e is None and r is None:
                    continue
                check_eq(doc, title, '%s %s' % (code, CLASS_NAMES.get(code, '')), rc[k], rv(e, k),
                         r['vals'][0] if r else None, '%s column = %s class row 合计' % (rc[k], tname(ft.key)))
            check_eq(doc, title, '支出总计', rc[k], rv(zczj, k), ft.total['vals'][0] if ft.total else None,
                     '%s column 支出总计 = %s 合计' % (rc[k], tname(ft.key)))

    # ---------------- 支出预算总表 vs the fund tables, code by code
    if zczb and srzb:
        sr = code_rows(srzb)
        funds = [t for t in (ybgg, zfjj, gyzb) if t]
        fcode = [code_rows(t) for t in funds]
        allcodes = OrderedDict()
        for t in [zczb] + funds:
            for r in t.rows:
                allcodes.setdefault(r['code'], r)
        for code in allcodes:
            zr = code_rows(zczb).get(code)
            srr = sr.get(code)
            parts = [(t, fc.get(code)) for t, fc in zip(funds, fcode) if fc.get(code)]
            # 收入预算总表 财政拨款收入 (per code) = Σ fund tables 合计
            if srr is not None or parts:
                label = rowname(zr or srr or parts[0][1])
                if len(parts) == 1:
                    check_eq(doc, tname(parts[0][0].key), label, '合计', parts[0][1]['vals'][0],
                             srr['vals'][1] if srr else None,
                             '合计 = %s 财政拨款收入 (same code)' % tname('srzb'))
                else:
                    check_sum(doc, tname('srzb'), label, '财政拨款收入', srr['vals'][1] if srr else None,
                              [(1, p['vals'][0]) for _, p in parts],
                              '财政拨款收入 = Σ fund tables 合计 (same code)')
            non_cz = srr is not None and any(val(srr['vals'][i]) != 0 for i in (2, 3, 4))
            if zr is None:
                add_finding(doc, 'ERROR', tname(parts[0][0].key) if parts else tname('srzb'), rowname(allcodes[code]),
                            '合计', None, None, 'code present in a fund table but not in %s' % tname('zczb'),
                            [allcodes[code]['line']])
                continue
            if non_cz:
                for t, p in parts:
                    for k, c in enumerate(COLS['zczb']):
                        check_le(doc, tname(t.key), rowname(p), c, p['vals'][k], zr['vals'][k],
                                 '≤ %s (same code; the code also has non-财政拨款 money)' % tname('zczb'))
                continue
            for k, c in enumerate(COLS['zczb']):
                if len(parts) == 1:
                    check_eq(doc, tname(parts[0][0].key), rowname(zr), c, parts[0][1]['vals'][k], zr['vals'][k],
                             '= %s (same code; all of it is 财政拨款)' % tname('zczb'))
                elif len(parts) > 1:
                    check_sum(doc, tname('zczb'), rowname(zr), c, zr['vals'][k], [(1, p['vals'][k]) for _, p in parts],
                              '= Σ fund tables (same code; all of it is 财政拨款)')
                else:
                    if val(zr['vals'][k]) != 0:
                        add_finding(doc, 'ERROR', tname('zczb'), rowname(zr), c, zr['vals'][k].value, ZERO,
                                    'code is 财政拨款 only (收入预算总表) but appears in no fund table',
                                    [zr['line']])
        if zczb.total and srzb.total:
            non_cz = any(val(srzb.total['vals'][i]) != 0 for i in (2, 3, 4))
            parts = [t for t in funds if t.total]
            if not non_cz:
                for k, c in enumerate(COLS['zczb']):
                    addends = [(1, t.total['vals'][k]) for t in parts]
                    nz = [t for t in parts if t.total['vals'][k] is not None]
                    if len(nz) == 1:
                        check_eq(doc, tname(nz[0].key), '合计', c, nz[0].total['vals'][k], zczb.total['vals'][k],
                                 '= %s 合计 (all money is 财政拨款)' % tname('zczb'))
                    else:
                        check_sum(doc, tname('zczb'), '合计', c, zczb.total['vals'][k], addends,
                                  '= Σ fund tables 合计 (all money is 财政拨款)')

    # ---------------- 一般公共预算 基本支出 = 经济分类表 合计
    if ybgg and ybgg.total and jjfl and jjfl.total:
        check_eq(doc, tname('jjfl'), '合计', '合计', jjfl.total['vals'][0], ybgg.total['vals'][1],
                 '经济分类表 合计 = %s 合计 基本支出' % tname('ybgg'))

    # ---------------- 三公
    if sg:
        d = sg.extra.get('data')
        title = tname('sg')
        if d is None:
            doc.notes.append('%s: no data row' % title)
        else:
            v = d['vals']
            check_sum(doc, title, '“三公”经费', '合计', v[0], [(1, v[1]), (1, v[2]), (1, v[3])],
                      '合计 = 因公出国(境)费 + 公务接待费 + 公务用车购置及运行费')
            check_sum(doc, title, '“三公”经费', '公务用车购置及运行费', v[3], [(1, v[4]), (1, v[5])],
                      '公务用车购置及运行费 = 购置费 + 运行费')
            if jjfl:
                items = {}
                for r in jjfl.rows:
                    items.setdefault(norm(r['name']), r)
                for names, k, lab in ((('公务接待费',), 2, '公务接待费'),
                                      (('公务用车运行维护费', '车辆运行费'), 5, '公务用车运行费'),
                                      (('因公出国（境）费用', '因公出国(境)费用', '因公出国（境）费'), 1, '因公出国(境)费'),
                                      (('公务用车购置',), 4, '公务用车购置费')):
                    for nm in names:
                        r = items.get(norm(nm))
                        if r is not None:
                            check_le(doc, tname('jjfl') + ' vs ' + title, rowname(r), '合计 (元 → 万元)',
                                     r['vals'][0], v[k],
                                     '经济分类 %s (基本支出, 元) ≤ 三公 %s (万元; 三公 may include project money)'
                                     % (r['name'], lab), scale_small=Decimal(1) / WAN)
                            if nm == '车辆运行费':
                                doc.notes.append('%s: item "%s" (code %s) taken as the 公务用车运行维护费 item'
                                                 % (tname('jjfl'), r['name'], r['code']))
                            break
                if jjfl.total is not None:
                    check_le(doc, title + ' vs ' + tname('jjfl'), '机关运行经费', '机关运行经费 (万元)',
                             v[6], jjfl.total['vals'][2],
                             '机关运行经费 ≤ 经济分类表 合计 公用经费 (warning only)', level='WARNING',
                             scale_small=WAN)


# --------------------------------------------------------------------------
def check_final(doc):
    T = doc.tables
    for k in J_TABLES:
        if k not in T:
            add_finding(doc, 'ERROR', J_TABLES[k], '-', '-', None, None,
                        'table missing from the document (listed in its table of contents)', [])
    zb, sr, zc, czbk = T.get('j_zb'), T.get('j_sr'), T.get('j_zc'), T.get('j_czbk')
    yb, jb, sg, jj, gy = T.get('j_yb'), T.get('j_jb'), T.get('j_sg'), T.get('j_jj'), T.get('j_gy')
    if sr:
        check_coded_table(doc, sr, [('本年收入合计', [(1, c) for c in COLS['j_sr'][1:]],
                                     '本年收入合计 = 财政拨款 + 上级补助 + 事业 + 经营 + 附属单位上缴 + 其他')])
    if zc:
        check_coded_table(doc, zc, [('本年支出合计', [(1, c) for c in COLS['j_zc'][1:]],
                                     '本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助')])
    if yb:
        check_coded_table(doc, yb, [('合计', [(1, '基本支出'), (1, '项目支出')], '合计 = 基本支出 + 项目支出')])
    for t in (jj, gy):
        if t:
            check_coded_table(doc, t, [('本年支出小计', [(1, '基本支出'), (1, '项目支出')], '本年支出 小计 = 基本 + 项目'),
                                       ('年末结转和结余', [(1, '年初结转和结余'), (1, '本年收入'), (-1, '本年支出小计')],
                                        '年末结转和结余 = 年初 + 本年收入 − 本年支出')])
    # ---------------- 收入支出决算总表
    if zb:
        title = tname('j_zb')
        items = [left_get(zb, n) for n in ('一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入',
                                           '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入')]
        bnsr = left_get(zb, '本年收入合计')
        syjy = left_get(zb, '使用非财政拨款结余')
        ncjz = left_get(zb, '年初结转和结余')
        zj_in = left_get(zb, '总计')
        check_sum(doc, title, '本年收入合计', '决算数', la(bnsr), [(1, la(e)) for e in items],
                  '本年收入合计 = Σ income items 一…八')
        check_sum(doc, title, '总计 (收入)', '决算数', la(zj_in), [(1, la(bnsr)), (1, la(syjy)), (1, la(ncjz))],
                  '总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余')
        classes = right_classes(zb)
        bnzc = right_get(zb, '本年支出合计')
        jyfp = right_get(zb, '结余分配')
        nmjz = right_get(zb, '年末结转和结余')
        zj_out = right_get(zb, '总计')
        check_sum(doc, title, '本年支出合计', '决算数', rv(bnzc), [(1, rv(e)) for e in classes.values()],
                  '本年支出合计 = Σ classes (%s)' % ', '.join(c for c, e in classes.items() if rv(e) is not None))
        check_sum(doc, title, '总计 (支出)', '决算数', rv(zj_out), [(1, rv(bnzc)), (1, rv(jyfp)), (1, rv(nmjz))],
                  '总计 = 本年支出合计 + 结余分配 + 年末结转和结余')
        check_eq(doc, title, '总计', '决算数', la(zj_in), rv(zj_out), '收入总计 = 支出总计')
        if sr and sr.total:
            tv = sr.total['vals']
            check_eq(doc, title, '本年收入合计', '决算数', la(bnsr), tv[0], '= %s 合计 本年收入合计' % tname('j_sr'))
            check_sum(doc, tname('j_sr'), '合计', '财政拨款收入', tv[1], [(1, la(items[0])), (1, la(items[1])), (1, la(items[2]))],
                      '= %s 一般公共预算 + 政府性基金 + 国有资本经营预算 财政拨款收入' % title)
            for i, k in ((3, 2), (4, 3), (5, 4), (6, 5), (7, 6)):
                check_eq(doc, title, strip_numbering(items[i]['label']) if items[i] else COLS['j_sr'][k], '决算数',
                         la(items[i]), tv[k], '= %s 合计 %s' % (tname('j_sr'), COLS['j_sr'][k]))
        if zc:
            zcc = class_rows(zc)
            for code in sorted(set(c for c, e in classes.items() if rv(e) is not None) | set(zcc)):
                e, r = classes.get(code), zcc.get(code)
                check_eq(doc, title, '%s %s' % (code, CLASS_NAMES.get(code, '')), '决算数', rv(e),
                         r['vals'][0] if r else None, 'class = %s class row 本年支出合计' % tname('j_zc'))
            if zc.total:
                check_eq(doc, title, '本年支出合计', '决算数', rv(bnzc), zc.total['vals'][0],
                         '= %s 合计 本年支出合计' % tname('j_zc'))
    # ---------------- 财政拨款收入支出决算总表
    if czbk:
        title = tname('j_czbk')
        rc = czbk.extra['right_cols']
        seq = left_seq(czbk)
        # income items before 年初, sub-items after
        inc, sub = {}, {}
        after = False
        for key, a, lineno, label in seq:
            nm = strip_numbering(key)
            if nm.startswith('年初财政拨款结转和结余'):
                after = True
                inc['年初'] = dict(amt=a, line=lineno, label=label)
                continue
            for f in ('一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'):
                if nm.startswith(f):
                    (sub if after else inc)[f] = dict(amt=a, line=lineno, label=label)
            if nm == '本年收入合计':
                inc['本年收入合计'] = dict(amt=a, line=lineno, label=label)
            if nm == '总计':
                inc['总计'] = dict(amt=a, line=lineno, label=label)
        F = ('一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款')
        check_sum(doc, title, '本年收入合计', '决算数', la(inc.get('本年收入合计')), [(1, la(inc.get(f))) for f in F],
                  '本年收入合计 = 一般公共预算 + 政府性基金 + 国有资本经营 财政拨款')
        check_sum(doc, title, '年初财政拨款结转和结余', '决算数', la(inc.get('年初')), [(1, la(sub.get(f))) for f in F],
                  '年初财政拨款结转和结余 = Σ its three fund sub-rows')
        check_sum(doc, title, '总计 (收入)', '决算数', la(inc.get('总计')),
                  [(1, la(inc.get('本年收入合计'))), (1, la(inc.get('年初')))],
                  '总计 = 本年收入合计 + 年初财政拨款结转和结余')
        classes = right_classes(czbk)
        bnzc = right_get(czbk, '本年支出合计')
        nmjz = right_get(czbk, '年末财政拨款结转和结余')
        zj = right_get(czbk, '总计')
        for code, e in list(classes.items()) + [('本年支出合计', bnzc), ('年末财政拨款结转和结余', nmjz), ('总计', zj)]:
            if e is None:
                continue
            nm = '%s %s' % (code, CLASS_NAMES.get(code, '')) if code in CLASS_NAMES else code
            check_sum(doc, title, nm, '合计', rv(e, 0), [(1, rv(e, 1)), (1, rv(e, 2)), (1, rv(e, 3))],
                      '合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算 财政拨款')
        for k, c in enumerate(rc):
            check_sum(doc, title, '本年支出合计', c, rv(bnzc, k), [(1, rv(e, k)) for e in classes.values()],
                      '本年支出合计 = Σ classes')
            check_sum(doc, title, '总计 (支出)', c, rv(zj, k), [(1, rv(bnzc, k)), (1, rv(nmjz, k))],
                      '总计 = 本年支出合计 + 年末财政拨款结转和结余')
        check_eq(doc, title, '总计', '合计', la(inc.get('总计')), rv(zj, 0), '收入总计 = 支出总计')
        # fund balance: 年初 + 收入 - 支出 = 年末, per fund
        for k, f in enumerate(F, start=1):
            check_sum(doc, title, '年末财政拨款结转和结余', rc[k], rv(nmjz, k),
                      [(1, la(sub.get(f))), (1, la(inc.get(f))), (-1, rv(bnzc, k))],
                      '年末 = 年初 + 本年收入 − 本年支出 (%s)' % f)
        if zb:
            for f, n in zip(F, ('一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入')):
                check_eq(doc, title, f, '决算数', la(inc.get(f)), la(left_get(zb, n)), '= %s %s' % (tname('j_zb'), n))
            zbc = right_classes(zb)
            for code, e in classes.items():
                if rv(e, 0) is None:
                    continue
                check_le(doc, title, '%s %s' % (code, CLASS_NAMES.get(code, '')), '合计', rv(e, 0), rv(zbc.get(code)),
                         '财政拨款 spending ≤ %s class (all funds)' % tname('j_zb'))
        if zb:
            check_le(doc, title, '年初财政拨款结转和结余', '决算数', la(inc.get('年初')), la(left_get(zb, '年初结转和结余')),
                     '财政拨款 part ≤ %s 年初结转和结余 (all funds)' % tname('j_zb'))
            check_le(doc, title, '年末财政拨款结转和结余', '合计', rv(nmjz, 0), rv(right_get(zb, '年末结转和结余')),
                     '财政拨款 part ≤ %s 年末结转和结余 (all funds)' % tname('j_zb'))
            check_le(doc, title, '本年支出合计', '合计', rv(bnzc, 0), rv(right_get(zb, '本年支出合计')),
                     '财政拨款 part ≤ %s 本年支出合计 (all funds)' % tname('j_zb'))
        if sr and sr.total:
            check_eq(doc, title, '本年收入合计', '决算数', la(inc.get('本年收入合计')), sr.total['vals'][1],
                     '= %s 合计 财政拨款收入' % tname('j_sr'))
        if yb:
            ybc = class_rows(yb)
            for code in sorted(set(c for c, e in classes.items() if rv(e, 1) is not None) | set(ybc)):
                e, r = classes.get(code), ybc.get(code)
                check_eq(doc, title, '%s %s' % (code, CLASS_NAMES.get(code, '')), rc[1], rv(e, 1),
                         r['vals'][0] if r else None, '%s column = %s class row 合计' % (rc[1], tname('j_yb')))
            if yb.total:
                check_eq(doc, title, '本年支出合计', rc[1], rv(bnzc, 1), yb.total['vals'][0],
                         '= %s 合计' % tname('j_yb'))
        for k, ft, f in ((2, jj, F[1]), (3, gy, F[2])):
            if ft is None:
                continue
            fc = class_rows(ft)
            for code in sorted(set(c for c, e in classes.items() if rv(e, k) is not None) | set(fc)):
                e, r = classes.get(code), fc.get(code)
                check_eq(doc, title, '%s %s' % (code, CLASS_NAMES.get(code, '')), rc[k], rv(e, k),
                         r['vals'][2] if r else None, '%s column = %s class row 本年支出' % (rc[k], tname(ft.key)))
            if ft.total:
                check_eq(doc, title, '本年支出合计', rc[k], rv(bnzc, k), ft.total['vals'][2],
                         '= %s 合计 本年支出' % tname(ft.key))
                check_eq(doc, title, '年初财政拨款结转和结余', f, la(sub.get(f)), ft.total['vals'][0],
                         '= %s 合计 年初结转和结余' % tname(ft.key))
                check_eq(doc, title, '年末财政拨款结转和结余', rc[k], rv(nmjz, k), ft.total['vals'][5],
                         '= %s 合计 年末结转和结余' % tname(ft.key))
                check_eq(doc, title, f, '本年收入', la(inc.get(f)), ft.total['vals'][1],
                         '= %s 合计 本年收入' % tname(ft.key))
    # ---------------- 一般公共预算 ≤ 支出决算表 (code by code)
    if yb and zc:
        zcr = code_rows(zc)
        for r in t_rows_with_total(yb):
            z = zcr.get(r['code']) if r['code'] else zc.total
            if z is None:
                add_finding(doc, 'ERROR', tname('j_yb'), rowname(r), '合计', r['vals'][0].value if r['vals'][0] else None,
                            None, 'code not present in %s' % tname('j_zc'), [r['line']])
                continue
            for k, c in ((0, '合计'), (1, '基本支出'), (2, '项目支出')):
                check_le(doc, tname('j_yb'), rowname(r), c, r['vals'][k], z['vals'][k],
                         '一般公共预算财政拨款 ≤ %s (all funds), same code' % tname('j_zc'))
    # ---------------- 基本支出决算表
    if jb:
        title = tname('j_jb')
        sides = jb.extra['sides']
        for side in ('L', 'R'):
            rows = sides[side]
            for r in rows:
                if r['level'] == 1:
                    ch = [x for x in rows if x['level'] == 2 and x['code'].startswith(r['code'])]
                    if ch:
                        check_sum(doc, title, '%s %s' % (r['code'], r['name']), '决算数', r['vals'][0],
                                  [(1, x['vals'][0]) for x in ch], '类 = Σ款')
        tot = jb.extra['totals']
        ry = tot.get('人员经费合计')
        gyf = tot.get('公用经费合计')
        check_sum(doc, title, '人员经费合计', '决算数', ry['amt'] if ry else None,
                  [(1, r['vals'][0]) for r in sides['L'] if r['level'] == 1],
                  '人员经费合计 = Σ left-hand classes (%s)' % ', '.join(r['code'] for r in sides['L'] if r['level'] == 1))
        check_sum(doc, title, '公用经费合计', '决算数', gyf['amt'] if gyf else None,
                  [(1, r['vals'][0]) for r in sides['R'] if r['level'] == 1],
                  '公用经费合计 = Σ right-hand classes (%s)' % ', '.join(r['code'] for r in sides['R'] if r['level'] == 1))
        if yb and yb.total:
            check_sum(doc, tname('j_yb'), '合计', '基本支出', yb.total['vals'][1],
                      [(1, ry['amt'] if ry else None), (1, gyf['amt'] if gyf else None)],
                      '基本支出 合计 = %s 人员经费合计 + 公用经费合计' % title)
        if sg and sg.extra.get('data'):
            v = sg.extra['data']['vals']
            allr = {r['code']: r for r in sides['L'] + sides['R']}
            for code, k, lab in (('30217', 11, '公务接待费'), ('30231', 9, '公务用车运行费'),
                                 ('30212', 3, '因公出国(境)费'), ('31013', 7, '公务用车购置费')):
                r = allr.get(code)
                if r is not None:
                    check_le(doc, title + ' vs ' + tname('j_sg'), '%s %s' % (code, r['name']), '决算数',
                             r['vals'][0], v[k], '基本支出 %s ≤ 三公 %s 决算数 (三公 may include project money)'
                             % (r['name'], lab))
    # ---------------- 三公 决算
    if sg:
        d = sg.extra.get('data')
        if d is None:
            doc.notes.append('%s: no figures printed (table empty)' % tname('j_sg'))
        else:
            v = d['vals']
            for off, lab in ((0, '预算数'), (1, '决算数')):
                g = lambda i: v[2 * i + off]
                check_sum(doc, tname('j_sg'), '“三公”经费', '合计 ' + lab, g(0), [(1, g(1)), (1, g(2)), (1, g(5))],
                          '合计 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费 (%s)' % lab)
                check_sum(doc, tname('j_sg'), '“三公”经费', '公务用车购置及运行费 ' + lab, g(2), [(1, g(3)), (1, g(4))],
                          '公务用车购置及运行费 = 购置费 + 运行费 (%s)' % lab)


def t_rows_with_total(t):
    return t.rows + ([t.total] if t.total else [])


# --------------------------------------------------------------------------
# precision profile
def precision_profile(doc):
    out = []
    by = OrderedDict()
    for key, col, a in doc.amts:
        by.setdefault((key, col), []).append(a)
    for (key, col), lst in by.items():
        c = Counter(a.dec for a in lst)
        if len(c) > 1:
            nonzero = Counter(a.dec for a in lst if a.value != 0)
            examples = {}
            for a in lst:
                examples.setdefault(a.dec, a)
            out.append((key, col, c, nonzero, examples))
    return out


def table_precision(doc):
    """tables whose non-zero amounts are printed with more than one number of decimals."""
    out = []
    by = OrderedDict()
    for key, col, a in doc.amts:
        by.setdefault(key, []).append(a)
    for key, lst in by.items():
        nz = Counter(a.dec for a in lst if a.value != 0)
        z = Counter(a.text for a in lst if a.value == 0)
        out.append((key, nz, z))
    return out


def unit_summary(doc):
    yuan = [a for k, c, a in doc.amts if a.unit == '元']
    wan = [a for k, c, a in doc.amts if a.unit == '万元']
    res = {}
    if yuan:
        res['元'] = Counter(a.dec for a in yuan if a.value != 0)
    if wan:
        res['万元'] = Counter(a.dec for a in wan if a.value != 0)
    return res


# --------------------------------------------------------------------------
# PDF corroboration
def load_pdf(doc):
    p = os.path.join(PDF_DIR, doc.name + '.pdf')
    if not os.path.exists(p):
        return None
    try:
        out = subprocess.run(['pdftotext', '-layout', p, '-'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             check=True).stdout.decode('utf-8', 'replace')
    except Exception:
        return None
    return out.split('\n')


TOKEN_RE = re.compile(r'-?\d[\d,]*\.\d+|-?\d{1,3}(?:,\d{3})+|-?\d+')


def pdf_confirms(doc, lineno):
    """Is the text line's row (its amount cells, as printed) found in the PDF on one line or on a
    window of <= 3 consecutive lines (multiset containment)?  Returns (True/False, pdf line no)."""
    if doc.pdf_lines is None:
        return None, None
    cells = [c.strip() for c in doc.lines[lineno - 1].split('\t')]
    want = Counter(c for c in cells if is_num(c) and (',' in c or '.' in c or len(c) >= 4 or c == '0'))
    codes = [c for c in cells[:3] if re.match(r'^\d{1,7}$', c)]
    if not want:
        return None, None
    P = doc.pdf_lines
    for w in (1, 2, 3):
        for i in range(len(P) - w + 1):
            toks = Counter(TOKEN_RE.findall(' '.join(P[i:i + w])))
            if all(toks[k] >= n for k, n in want.items()):
                if codes and not all(toks[c] >= 1 for c in codes if len(c) >= 3):
                    continue
                return True, i + 1
    return False, None


# --------------------------------------------------------------------------
def audit(name, kind, use_pdf=True):
    doc = Doc(name, kind)
    parse_doc(doc)
    if use_pdf:
        doc.pdf_lines = load_pdf(doc)
    if kind == 'budget':
        check_budget(doc)
    else:
        check_final(doc)
    doc.precision = precision_profile(doc)
    if use_pdf and doc.pdf_lines is not None:
        verified = []
        for dfx in doc.defects:
            m = re.search(r'row "([^"]*)"', dfx)
            if m:
                parts = m.group(1).split()
                pat = re.compile(r'^\s*' + r'\s+'.join(re.escape(x) for x in parts))
                hit = [i + 1 for i, l in enumerate(doc.pdf_lines) if pat.match(l)]
                dfx += ' — PDF: %s' % (('printed so at pdftotext line%s %s' % ('s' if len(hit) > 1 else '',
                                                                            ', '.join(map(str, hit))))
                                      if hit else 'NOT found (possible conversion artefact)')
            verified.append(dfx)
        doc.defects = verified
    # PDF corroboration of every ERROR
    for f in doc.findings:
        if f['level'] != 'ERROR' or not use_pdf:
            continue
        found, missing = [], []
        for ln in f['lines']:
            ok, pl = pdf_confirms(doc, ln)
            if ok is None:
                continue
            (found if ok else missing).append((ln, pl))
        if not found and not missing:
            f['pdf'] = ''
        elif not missing:
            f['pdf'] = 'all %d row(s) found as printed (%s)' % (len(found), ', '.join(
                'l.%d→pdf %d' % (a, b) for a, b in found[:3]) + (', …' if len(found) > 3 else ''))
        else:
            f['pdf'] = 'NOT found in PDF: text l.%s' % ', '.join(str(a) for a, _ in missing)
    return doc


# --------------------------------------------------------------------------
def md_escape(s):
    return str(s).replace('|', '\\|')


def fmt_lines(lines):
    if len(lines) <= 4:
        return ', '.join(str(x) for x in lines)
    return '%d, %d, …, %d (%d rows)' % (lines[0], lines[1], lines[-1], len(lines))


def render_findings(lst, with_pdf):
    out = []
    hdr = '| table | row / code | column | printed | recomputed / other | difference | relation | text lines |'
    sep = '|---|---|---|---:|---:|---:|---|---|'
    if with_pdf:
        hdr += ' PDF check |'
        sep += '---|'
    out.append(hdr)
    out.append(sep)
    for f in lst:
        p, r = f['printed'], f['recomputed']
        diff = (p if p is not None else ZERO) - (r if r is not None else ZERO) if (p is not None or r is not None) else None
        rel = f['relation'] + (' — ' + f['detail'] if f.get('detail') else '')
        line = '| %s | %s | %s | %s | %s | %s | %s | %s |' % (
            md_escape(f['table']), md_escape(f['row']), md_escape(f['col']), fmt(p) if p is not None else '(blank)',
            fmt(r) if r is not None else '(blank)', dfmt(diff) if diff is not None else '', md_escape(rel),
            fmt_lines(f['lines']))
        if with_pdf:
            line += ' %s |' % md_escape(f.get('pdf', ''))
        out.append(line)
    return out


def dedupe(lst):
    seen = set()
    out = []
    for f in lst:
        k = (f['table'], f['row'], f['col'], str(f['printed']), str(f['recomputed']), f['relation'])
        if k in seen:
            continue
        seen.add(k)
        out.append(f)
    return out


def render_precision(docs):
    out = ['## Printed precision', '']
    whole, fen, mixed = [], [], []
    for d in docs:
        c = Counter(a.dec for k, col, a in d.amts if a.unit == '元' and a.value != 0)
        if not c:
            continue
        (whole if set(c) == {0} else fen if set(c) == {2} else mixed).append(d.name)
    out.append('- 元 tables printed in whole 元 (quantum 1 元): ' + (', '.join(whole) or 'none'))
    out.append('- 元 tables printed with 分 (2 decimals, exact): ' + (', '.join(fen) or 'none'))
    out.append('- 元 tables mixing whole 元 and 分: ' + (', '.join(mixed) or 'none'))
    out.append('- 万元 figures: the “三公” table of every budget (and all 决算 tables).')
    out.append('')
    out.append('| document | non-zero figures (decimals printed), by table | zeros printed as | thousands separator | columns mixing precisions |')
    out.append('|---|---|---|---|---|')
    short = {'szzb': '收支总表', 'srzb': '收入总表', 'zczb': '支出总表', 'czbk': '财政拨款收支总表', 'ybgg': '一般公共',
             'zfjj': '基金', 'gyzb': '国资', 'jjfl': '经济分类', 'sg': '三公(万元)', 'j_zb': '收支决算总表',
             'j_sr': '收入决算表', 'j_zc': '支出决算表', 'j_czbk': '财政拨款总表', 'j_yb': '一般公共',
             'j_jb': '基本支出', 'j_sg': '三公', 'j_jj': '基金', 'j_gy': '国资'}
    for d in docs:
        groups = OrderedDict()
        zeros = Counter()
        seps = Counter()
        for key, nz, z in table_precision(d):
            if not nz:
                continue
            prof = '+'.join(str(x) for x in sorted(nz))
            groups.setdefault(prof, []).append(short[key])
            zeros.update(z)
            for k, col, a in d.amts:
                if k == key and abs(a.value) >= 1000:
                    seps[(short[key], ',' in a.text)] += 1
        g = '; '.join('%s dec: %s' % (prof, ', '.join(ks)) for prof, ks in groups.items())
        without = sorted(set(t for (t, has), n in seps.items() if not has))
        withs = sorted(set(t for (t, has), n in seps.items() if has))
        sep_s = ('–' if not without and not withs else 'with' if not without else 'without' if not withs
                 else 'with, except ' + ', '.join(without))
        mixcols = '; '.join('%s/%s%s' % (short[key], col, '' if len(nz) > 1 else ' (zeros only)')
                            for key, col, c, nz, ex in d.precision)
        out.append('| %s | %s | %s | %s | %s |' % (
            d.name, g, ', '.join('"%s"' % k for k in sorted(zeros)) or '–', sep_s, mixcols or '–'))
    out.append('')
    return out


def render_doc(doc, header_level='##'):
    out = ['%s %s' % (header_level, doc.name), '']
    allk = B_TABLES if doc.kind == 'budget' else J_TABLES
    missing = [v for k, v in allk.items() if k not in doc.tables]
    out.append('Tables found: %d of 9 (text lines %s)%s.' % (
        len(doc.tables), ', '.join(str(t.title_line) for t in doc.tables.values()),
        ('; missing: ' + ', '.join(missing)) if missing else ''))
    errs = dedupe([f for f in doc.findings if f['level'] == 'ERROR'])
    tails = dedupe([f for f in doc.findings if f['level'] == 'TAIL'])
    precs = dedupe([f for f in doc.findings if f['level'] == 'PRECISION'])
    warns = dedupe([f for f in doc.findings if f['level'] == 'WARNING'])
    out.append('Relations recomputed: %d sums, %d same-figure equalities, %d ≤ checks.'
               % (doc.checks['sum'], doc.checks['equal'], doc.checks['le']))
    out.append('')
    out.append('%s# ERROR-level disagreements (%d)' % (header_level, len(errs)))
    out.append('')
    if errs:
        out += render_findings(errs, True)
    else:
        out.append('None.')
    out.append('')
    out.append('%s# 尾差 — tolerated rounding differences (%d)' % (header_level, len(tails)))
    out.append('')
    if tails:
        out += render_findings(tails, False)
    else:
        out.append('None.')
    out.append('')
    if precs:
        out.append('%s# Same figure printed at two precisions (whole 元 vs 分) — rounding agrees, not an error (%d)'
                   % (header_level, len(precs)))
        out.append('')
        out += render_findings(precs, False)
        out.append('')
    if warns:
        out.append('%s# Warnings (≤ expectations that fail) (%d)' % (header_level, len(warns)))
        out.append('')
        out += render_findings(warns, False)
        out.append('')
    if doc.defects:
        out.append('%s# Publisher defects that are not arithmetic (codes, names)' % header_level)
        out.append('')
        for d in OrderedDict.fromkeys(doc.defects):
            out.append('- ' + d)
        out.append('')
    if doc.precision:
        out.append('%s# Columns that mix precisions' % header_level)
        out.append('')
        for key, col, c, nz, ex in doc.precision:
            desc = ', '.join('%d×%d dec' % (n, d) for d, n in sorted(c.items()))
            exs = ', '.join('"%s" (l.%d)' % (a.text, a.line) for d, a in sorted(ex.items()))
            kind = ('non-zero figures printed at %s' % ' and '.join('%d decimals' % d for d in sorted(nz))
                    if len(nz) > 1 else 'non-zero figures all at %s; zeros printed differently'
                    % ' '.join('%d decimals' % d for d in nz))
            out.append('- %s / %s (%s): %s — %s; e.g. %s' % (tname(key), col, doc.tables[key].unit, desc, kind, exs))
        out.append('')
    if doc.notes:
        out.append('%s# Parser notes' % header_level)
        out.append('')
        for n in OrderedDict.fromkeys(doc.notes):
            out.append('- ' + n)
        out.append('')
    return out


def compare_planted(planted, orig):
    """figure-by-figure differences between the planted copy and the original (same parser)."""
    out = []
    for key in J_TABLES:
        a, b = orig.tables.get(key), planted.tables.get(key)
        if a is None and b is None:
            continue
        if b is None:
            out.append('- %s: present in the original (line %d), **missing** in the planted copy'
                       % (tname(key), a.title_line))
            continue
        if a is None:
            out.append('- %s: missing in the original, present in the planted copy' % tname(key))
            continue
        fa = [(c, x.text) for k, c, x in orig.amts if k == key]
        fb = [(c, x.text) for k, c, x in planted.amts if k == key]
        ca, cb = Counter(fa), Counter(fb)
        if ca != cb:
            lost = ca - cb
            added = cb - ca
            out.append('- %s: figures only in the original: %s; only in the planted copy: %s'
                       % (tname(key), ', '.join('%s=%s' % k for k in lost.elements()) or 'none',
                          ', '.join('%s=%s' % k for k in added.elements()) or 'none'))
    return out


# --------------------------------------------------------------------------
AUDITOR_NOTES = r'''
## Auditor's verdict (every ERROR below was looked up by hand in the PDF as well)

**Real publisher inconsistencies (ERROR level, present in the PDFs):**

1. **shanghai-putuo-sfj-unit-2026**, 支出预算总表 (l.146) and 一般公共预算支出功能分类预算表 (l.184), row 204 06 01 行政运行: 合计 14,348,853.34 = 基本支出 14,348,853.34, yet 项目支出 is printed 64,840,547.00 (the 204 class's 项目 total copied into the 项 row). Consequences in both tables: 合计 ≠ 基本 + 项目 (off by 64,840,547.00) and 款 204 06 项目支出 64,840,547.00 ≠ Σ项 129,681,094.00. (The official reviewers' checklist in `real/review/` reports the same row.)
2. **shanghai-putuo-sfj-unit-2026**, 财务收支预算总表 支出总计 vs 经济分类预算表 合计: 人员经费 20,374,181 vs 20,272,981.00 (+101,200) and 公用经费 1,744,680 vs 1,845,880.34 (−101,200.34). 基本支出 agrees (22,118,861 ≈ 22,118,861.34), so 101,200 元 is 人员经费 in one table and 公用经费 in the other. The same table prints the 人员经费/公用经费/项目支出 cells of its 公共安全支出 and 支出总计 rows in whole 元 (as do the 合计 基本支出 cells of 支出预算总表 and 一般公共预算支出功能分类预算表: 22,118,861) inside an otherwise 分 document.
3. **shanghai-putuo-czj-2024-juesuan**: 社会保障和就业支出 (208) is 326.71 in 收入支出决算总表 (l.84) and 财政拨款收入支出决算总表 (l.170) but 326.72 in 支出决算表 (l.146) and 一般公共预算财政拨款支出决算表 (l.207) (its 项 sum to 326.72, and 收入决算表 also says 326.72). With 326.71 the two summary tables add up to 2,940.05; the detail tables add up to 2,940.06 against a printed 合计 of 2,940.05 (listed as 尾差).
4. **shanghai-putuo-ghzyj-2024-juesuan**: 收入支出决算总表 prints 卫生健康支出 236.63 (支出决算表 236.64) and 城乡社区支出 3,845.25 (支出决算表 3,845.24); the 0.01 moved between the two classes, so both versions sum to 9,759.38. 财政拨款收入支出决算总表 also prints 卫生健康支出 236.63 where 一般公共预算财政拨款支出决算表 has 236.64, and its classes then sum to 9,746.49 against 9,746.50 (尾差).
5. **shanghai-putuo-czj-2024-juesuan-PLANTED** (not a real publication): the 支出决算表 is missing (the table of contents still lists it), and the real 326.71/326.72 conflict of the original is still there. The planted blanking of the 三公 figures (预算数 合计 0.95 and 公务接待费 0.95 in the original) **cannot be found by arithmetic**: an empty 三公 table is consistent in itself, and 30217 公务接待费 is blank in 基本支出决算表 too. Only the narrative ("年初预算为0.95万元") or the original shows it.

No ERROR in: wanlijd-2023, wanlijd-2024, wanlijd-2025, sfj-2026, swj-2025, swj-unit-2025, czj-2025, zfb-2025, zfb-unit-2025, flyuan-unit-2024, shiji-czj-unit-2025, shgzb-2024-juesuan.

**尾差 worth knowing (tolerated by the rule):** wanlijd-2025 212 01 城乡社区管理事务 is 94,995,790 while its parts (基本 + 项目, and Σ项) give 94,995,789, and 212 城乡社区支出 is 154,369,326 against Σ款 154,369,327. This shows up in three tables, and it is a 1 元 difference in a whole-元 document. shiji-czj-unit 302 商品和服务支出 24,840,779 vs Σ款 24,840,778. In ghzyj, 一般公共预算财政拨款支出决算表 212, 212 01, 212 01 01 and 合计 each have 合计 = 基本 + 项目 + 0.01; 人员经费合计 4,884.09 vs 301 + 303 = 4,884.10; 302 440.90 vs Σ款 440.88. In shgzb, 302 10.23 vs Σ款 10.22, and 基本支出 105.58 vs 人员 + 公用 105.59. czj-2024: 301 2,082.85 vs 2,082.86, 302 171.07 vs 171.09, and the 2,940.05 / 2,336.91 totals vs Σ类 +0.01. In sfj-unit-2026 every 0.34 元 difference comes from whole-元 cells (22,118,861; 12,604,173; …) printed next to 分 cells.

**Publisher defects that are not arithmetic (also in the PDF):**
- flyuan-unit-2024: 类 code printed "7" instead of 210 for 210 11 02 事业单位医疗 in 支出预算总表 and 一般公共预算支出功能分类预算表.
- flyuan-unit-2024: 财务收支预算总表 and 财政拨款收支预算总表 use the obsolete class name 医疗卫生与计划生育支出, while the coded tables say 卫生健康支出.
- flyuan-unit-2024: its 经济分类 款 codes are non-standard (302 02 咨询费, 302 10 车辆运行费, 303 离退休人员经费 …); for the 三公 comparison 车辆运行费 64,000 元 is taken as the 公务用车运行维护费 item (= 6.4 万元 运行费).
- wanlijd-2024: 经济分类 款 printed as one digit ("301 2 津贴补贴", "301 7 绩效工资").

**Method notes.** A blank cell is an exact 0. A total with a single non-zero part (the others blank or printed 0) is the same figure as that part and must be printed identically. 万元 figures printed with fewer decimals ("25", "6.4", "0") are read at quantum 0.01. 三公 (万元) is compared with the 元 经济分类 items as econ/10000 ≤ 三公 + half a quantum. Fund tables are compared code by code with 支出预算总表 wherever 收入预算总表 shows the code is financed entirely by 财政拨款; otherwise the check is ≤. In 决算, 一般公共预算财政拨款 figures must be ≤ the all-funds 支出决算表 / 收入支出决算总表 figures. 机关运行经费 ≤ 公用经费 is only a warning, and it never fired.
'''


def main(argv):
    out_path = None
    use_pdf = '--no-pdf' not in argv
    if '--out' in argv:
        out_path = argv[argv.index('--out') + 1]
    docs = [audit(n, 'budget', use_pdf) for n in BUDGET_DOCS] + [audit(n, 'final', use_pdf) for n in FINAL_DOCS]
    planted = audit(PLANTED_DOC, 'final', use_pdf)
    orig = [d for d in docs if d.name == PLANTED_ORIGINAL][0]

    out = ['# Recomputed arithmetic of the real Shanghai budget and 决算 documents', '',
           'Generated by `scripts/audit/recompute_real.py` (Python `decimal`, no floats) from '
           '`/work/shared/real/text/*.txt`; every ERROR row was looked up in `pdftotext -layout` of the PDF '
           '(column "PDF check": the row\'s printed amounts found on one PDF line or on ≤3 consecutive lines).', '',
           'Rounding rule: whole 元 → quantum 1 元; 元 with 2 decimals → exact; 万元 → quantum 0.01. '
           'A sum is consistent iff 2·|total − Σ| ≤ Σ quanta (total + printed addends) = (n+1)·q for a uniform q; '
           'inside but ≠ 0 → 尾差 (tolerated); outside → ERROR. The same figure printed twice must be equal '
           '(printed at two precisions: the finer one rounded half-up must equal the coarser). Blank = exact 0.', '']
    if AUDITOR_NOTES.strip() and '--no-notes' not in argv:
        out += AUDITOR_NOTES.strip('\n').split('\n')
        out.append('')
    # summary table
    out.append('## Summary')
    out.append('')
    out.append('| document | tables | ERROR | 尾差 | precision-only | warnings | amounts printed in |')
    out.append('|---|---:|---:|---:|---:|---:|---|')
    for d in docs + [planted]:
        us = unit_summary(d)
        prec = []
        for u, c in us.items():
            if u == '元':
                if set(c) == {0}:
                    prec.append('whole 元')
                elif set(c) == {2}:
                    prec.append('元 with 分')
                else:
                    prec.append('元, mixed (%s)' % ', '.join('%d dec×%d' % (k, v) for k, v in sorted(c.items())))
            else:
                prec.append('万元 (%s)' % ', '.join('%d dec×%d' % (k, v) for k, v in sorted(c.items())))
        out.append('| %s | %d | %d | %d | %d | %d | %s |' % (
            d.name, len(d.tables), len(dedupe([f for f in d.findings if f['level'] == 'ERROR'])),
            len(dedupe([f for f in d.findings if f['level'] == 'TAIL'])),
            len(dedupe([f for f in d.findings if f['level'] == 'PRECISION'])),
            len(dedupe([f for f in d.findings if f['level'] == 'WARNING'])), '; '.join(prec)))
    out.append('')
    out += render_precision(docs + [planted])
    out.append('# Budgets (上海 9 tables)')
    out.append('')
    for d in docs:
        if d.kind == 'budget':
            out += render_doc(d)
    out.append('# 决算 (财政部 9 tables)')
    out.append('')
    for d in docs:
        if d.kind == 'final':
            out += render_doc(d)
    out.append('# The planted copy (separately)')
    out.append('')
    out += render_doc(planted)
    out.append('### Differences from the original %s (figure by figure, same parser)' % PLANTED_ORIGINAL)
    out.append('')
    out += compare_planted(planted, orig) or ['None.']
    out.append('')
    # artefacts
    out.append('# Text-conversion artefacts seen (not publisher errors; handled by the parser)')
    out.append('')
    for d in docs + [planted]:
        rep = OrderedDict()
        for t in d.tables.values():
            hl = t.extra.get('header_block_lines', [])
            if len(hl) > 1:
                rep[tname(t.key)] = hl[1:]
        arts = list(OrderedDict.fromkeys(d.artefacts))
        if not arts and not rep and not d.fragments:
            continue
        out.append('## %s' % d.name)
        out.append('')
        for a in arts:
            out.append('- ' + a)
        if d.fragments:
            out.append('- long 科目名称 wrapped in the PDF cell: the name fragments sit on their own text lines without '
                       'amounts (skipped; the amounts stay on the coded line): ' + '; '.join(
                           '%s %s' % (k, ', '.join(v)) for k, v in d.fragments.items()))
        if rep:
            out.append('- tables continued after a page break repeat their header lines (skipped): ' + '; '.join(
                '%s at l.%s' % (k, ', '.join(str(x) for x in v)) for k, v in rep.items()))
        out.append('')
    if '--trace' in argv:
        for d in docs + [planted]:
            out.append('## trace: %s' % d.name)
            for tr in d.trace:
                out.append('- ' + ' | '.join(str(x) for x in tr))
    text = '\n'.join(out) + '\n'
    if out_path:
        with open(out_path, 'w', encoding='utf-8') as f:
            f.write(text)
    sys.stdout.write(text)


if __name__ == '__main__':
    main(sys.argv[1:])
