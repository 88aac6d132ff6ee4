"""Printed documents: the order fixing the pairs, the reward order, memos for mentees, letters of thanks.

``data`` reads the pairs from the database into plain values (with the consent rule applied); the other
modules lay those values out and never touch the database, so a worker thread can render them.
"""
